/* titles-for-translation.c: the bundled proposals' titles, for xgettext only (never compiled): export --lang looks them up in the catalog. */
#define N_(s) s
static const char *titles[] = {
  /* Translators: title of the proposal “borders-1991” (data/proposals/borders-1991.json) */
  N_("Internationally recognised borders (1991)"),
  /* Translators: short title of the proposal “borders-1991” (data/proposals/borders-1991.json) */
  N_("1991 borders"),
  /* Translators: title of the proposal “eu-ua-2025-04” (data/proposals/eu-ua-2025-04.json) */
  N_("European–Ukrainian counter-proposal (April 2025)"),
  /* Translators: short title of the proposal “eu-ua-2025-04” (data/proposals/eu-ua-2025-04.json) */
  N_("European–Ukrainian"),
  /* Translators: title of the proposal “framework-20-point-2025-12” (data/proposals/framework-20-point-2025-12.json) */
  N_("20-point framework (point 14)"),
  /* Translators: short title of the proposal “framework-20-point-2025-12” (data/proposals/framework-20-point-2025-12.json) */
  N_("20-point framework"),
  /* Translators: title of the proposal “geneva-19-point-2025-11” (data/proposals/geneva-19-point-2025-11.json) */
  N_("Geneva 19-point draft (November 2025)"),
  /* Translators: short title of the proposal “geneva-19-point-2025-11” (data/proposals/geneva-19-point-2025-11.json) */
  N_("Geneva 19-point draft"),
  /* Translators: title of the proposal “line-of-contact” (data/proposals/line-of-contact.json) */
  N_("Line of contact (status quo)"),
  /* Translators: short title of the proposal “line-of-contact” (data/proposals/line-of-contact.json) */
  N_("Line of contact"),
  /* Translators: title of the proposal “ru-anchorage-2025-08” (data/proposals/ru-anchorage-2025-08.json) */
  N_("Russian position at the Anchorage summit (reported)"),
  /* Translators: short title of the proposal “ru-anchorage-2025-08” (data/proposals/ru-anchorage-2025-08.json) */
  N_("Anchorage (reported)"),
  /* Translators: title of the proposal “ru-memorandum-2025-06” (data/proposals/ru-memorandum-2025-06.json) */
  N_("Russian memorandum, Istanbul (June 2025)"),
  /* Translators: short title of the proposal “ru-memorandum-2025-06” (data/proposals/ru-memorandum-2025-06.json) */
  N_("Russian memorandum"),
  /* Translators: title of the proposal “us-28-point-2025-11” (data/proposals/us-28-point-2025-11.json) */
  N_("US 28-point plan (point 21)"),
  /* Translators: short title of the proposal “us-28-point-2025-11” (data/proposals/us-28-point-2025-11.json) */
  N_("28-point plan"),
  /* Translators: title of the proposal “us-framework-2025-04” (data/proposals/us-framework-2025-04.json) */
  N_("US \"final offer\" framework (April 2025)"),
  /* Translators: short title of the proposal “us-framework-2025-04” (data/proposals/us-framework-2025-04.json) */
  N_("US framework (April)"),
  /* Translators: title of the proposal “us-revised-2025-12” (data/proposals/us-revised-2025-12.json) */
  N_("US revised package (December 2025, leaked)"),
  /* Translators: short title of the proposal “us-revised-2025-12” (data/proposals/us-revised-2025-12.json) */
  N_("US revised package"),
  /* Translators: title of the proposal “witkoff-recommendation-2025-04” (data/proposals/witkoff-recommendation-2025-04.json) */
  N_("Witkoff's reported recommendation (April 2025)"),
  /* Translators: short title of the proposal “witkoff-recommendation-2025-04” (data/proposals/witkoff-recommendation-2025-04.json) */
  N_("Witkoff recommendation"),
};
