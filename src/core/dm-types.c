/* dm-types.c: names, labels and meanings of regions, parts, statuses and certainty. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dm-types.h"

/* The name tables are generated from dm-types.h: dm-enum-names.c. */

static gboolean
lookup (const char * const *names,
        guint               n_names,
        const char         *str,
        guint              *out)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (g_str_equal (names[i], str))
        {
          *out = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* "a, b or c", for messages that tell the user what is allowed. */
char *
dm_enum_choices (const char * const *names,
                 guint               n_names)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n_names; i++)
    {
      if (i > 0)
        g_string_append (s, i + 1 == n_names ? " or " : ", ");
      g_string_append (s, names[i]);
    }
  return g_string_free (s, FALSE);
}

const char *
dm_region_to_string (DmRegion region)
{
  g_return_val_if_fail (region <= DM_REGION_OTHER, NULL);
  return dm_region_names[region];
}

gboolean
dm_region_from_string (const char *str,
                       DmRegion   *out)
{
  guint v;

  if (!lookup (dm_region_names, DM_N_REGIONS + 1, str, &v))
    return FALSE;
  *out = v;
  return TRUE;
}

const char *
dm_region_label (DmRegion region)
{
  switch (region)
    {
    case DM_REGION_CRIMEA:       return _("Crimea");
    case DM_REGION_LUHANSK:      return _("Luhansk");
    case DM_REGION_DONETSK:      return _("Donetsk");
    case DM_REGION_ZAPORIZHZHIA: return _("Zaporizhzhia");
    case DM_REGION_KHERSON:      return _("Kherson");
    case DM_REGION_KHARKIV:      return _("Kharkiv oblast");
    case DM_REGION_SUMY:         return _("Sumy oblast");
    case DM_REGION_DNIPROPETROVSK: return _("Dnipropetrovsk oblast");
    case DM_REGION_MYKOLAIV:     return _("Mykolaiv oblast");
    case DM_REGION_OTHER:        return _("Kharkiv, Sumy, Dnipropetrovsk and Mykolaiv oblasts");
    default:                     return NULL;
    }
}

const char *
dm_part_to_string (DmPart part)
{
  g_return_val_if_fail (part <= DM_PART_ALL, NULL);
  return dm_part_names[part];
}

gboolean
dm_part_from_string (const char *str,
                     DmPart     *out)
{
  guint v;

  if (!lookup (dm_part_names, DM_N_PARTS + 1, str, &v))
    return FALSE;
  *out = v;
  return TRUE;
}

const char *
dm_part_label (DmPart part)
{
  switch (part)
    {
    case DM_PART_RUSSIAN_HELD:   return _("Russian-held part");
    case DM_PART_UKRAINIAN_HELD: return _("Ukrainian-held part");
    case DM_PART_ALL:
    default:                     return _("Whole region");
    }
}

const char *
dm_status_to_string (DmStatus status)
{
  g_return_val_if_fail (status < DM_N_STATUSES, NULL);
  return dm_status_names[status];
}

gboolean
dm_status_from_string (const char *str,
                       DmStatus   *out)
{
  guint v;

  if (!lookup (dm_status_names, DM_N_STATUSES, str, &v))
    return FALSE;
  *out = v;
  return TRUE;
}

const char *
dm_status_label (DmStatus status)
{
  switch (status)
    {
    case DM_STATUS_UKRAINE:         return _("Ukraine");
    case DM_STATUS_RUSSIA_DE_JURE:  return _("Russian de jure");
    case DM_STATUS_RUSSIA_DE_FACTO: return _("Russian de facto");
    case DM_STATUS_FROZEN:          return _("Frozen at line of contact");
    case DM_STATUS_DEMILITARIZED:   return _("Demilitarised zone");
    case DM_STATUS_WITHDRAW:        return _("Ukraine withdraws");
    case DM_STATUS_OPEN:            return _("Left open");
    case DM_STATUS_RETURNED:        return _("Returned to Ukraine");
    case DM_STATUS_UNPUBLISHED:     return _("Unpublished");
    case DM_STATUS_NOT_ADDRESSED:   return _("Not addressed");
    case DM_N_STATUSES:
    default:                        return NULL;
    }
}

const char *
dm_status_description (DmStatus status)
{
  switch (status)
    {
    case DM_STATUS_UKRAINE:
      return _("Stays under Ukrainian sovereignty and control.");
    case DM_STATUS_RUSSIA_DE_JURE:
      return _("Recognised as legally Russian.");
    case DM_STATUS_RUSSIA_DE_FACTO:
      return _("Russian control accepted in fact, without legal recognition.");
    case DM_STATUS_FROZEN:
      return _("Each side keeps what it holds at the line of contact.");
    case DM_STATUS_DEMILITARIZED:
      return _("Demilitarised zone.");
    case DM_STATUS_WITHDRAW:
      return _("Ukraine withdraws its forces and the area passes to Russia.");
    case DM_STATUS_OPEN:
      return _("Left to later negotiation; no recognition now.");
    case DM_STATUS_RETURNED:
      return _("Russia hands the area back to Ukraine.");
    case DM_STATUS_UNPUBLISHED:
      return _("Talks were reported, but the territorial text is not public.");
    case DM_STATUS_NOT_ADDRESSED:
      return _("The reports do not mention this area; whoever holds it keeps it for now.");
    case DM_N_STATUSES:
    default:
      return NULL;
    }
}

const char *
dm_certainty_label (DmCertainty certainty)
{
  switch (certainty)
    {
    case DM_CERTAINTY_TEXT:     return _("In a published or leaked text");
    case DM_CERTAINTY_REPORTED: return _("Known only from reporting");
    case DM_CERTAINTY_UNCLEAR:
    default:                    return _("Unclear: reports conflict or are silent");
    }
}

DmOutcome
dm_status_outcome (DmStatus status,
                   DmPart   part)
{
  switch (status)
    {
    case DM_STATUS_UKRAINE:
    case DM_STATUS_RETURNED:
      return DM_OUTCOME_UKRAINE;
    case DM_STATUS_RUSSIA_DE_JURE:
    case DM_STATUS_RUSSIA_DE_FACTO:
    case DM_STATUS_WITHDRAW:
      return DM_OUTCOME_RUSSIA;
    case DM_STATUS_FROZEN:
      return part == DM_PART_RUSSIAN_HELD ? DM_OUTCOME_RUSSIA : DM_OUTCOME_UKRAINE;
    case DM_STATUS_DEMILITARIZED:
      return DM_OUTCOME_NEUTRAL;
    case DM_STATUS_OPEN:
    case DM_STATUS_UNPUBLISHED:
    case DM_STATUS_NOT_ADDRESSED:
    case DM_N_STATUSES:
    default:
      return DM_OUTCOME_AS_NOW;
    }
}

const char *
dm_certainty_to_string (DmCertainty certainty)
{
  g_return_val_if_fail (certainty < DM_N_CERTAINTIES, NULL);
  return dm_certainty_names[certainty];
}

const char *
dm_holder_to_string (DmHolder holder)
{
  g_return_val_if_fail (holder < DM_N_HOLDERS, NULL);
  return dm_holder_names[holder];
}

const char *
dm_holder_label (DmHolder holder)
{
  switch (holder)
    {
    case DM_HOLDER_UKRAINE:   return _("Ukraine");
    case DM_HOLDER_RUSSIA:    return _("Russia");
    case DM_HOLDER_DMZ:       return _("a demilitarised zone");
    case DM_HOLDER_UNDECIDED:
    case DM_N_HOLDERS:
    default:                  return _("undecided");
    }
}
