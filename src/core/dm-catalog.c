/* dm-catalog.c: finds the data folder and lists the proposals and the days of the line of contact. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "dm-catalog.h"
#include "dm-control.h"
#include "dm-error.h"

struct _DmCatalog
{
  gatomicrefcount  ref_count;
  char            *geo_dir;
  DmDays          *days;      /* the bundled DeepStateMap record */
  GPtrArray       *proposals; /* DmProposal, in display order */
  GPtrArray       *controls;  /* DmControlInfo, oldest first: bundled days, fetched and imported files */
  GPtrArray       *problems;  /* char *: user files that were skipped, and why */
};

/* $DEMARCATE_DATA_DIR, else the installed data, else the source tree the
 * binary was built from, so `build/src/demarcate` works without installing. */
const char *
dm_data_dir (void)
{
  static char *dir = NULL;
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      const char *env = g_getenv ("DEMARCATE_DATA_DIR");
      g_autofree char *installed = g_build_filename (PKGDATADIR, "geo", "oblasts.geojson", NULL);
      char *found;

      if (env != NULL && *env != '\0')
        found = g_strdup (env);
      else if (g_file_test (installed, G_FILE_TEST_EXISTS))
        found = g_strdup (PKGDATADIR);
      else
        found = g_strdup (SOURCE_DATADIR);
      dir = found;
      g_once_init_leave (&once, 1);
    }
  return dir;
}

char *
dm_user_proposals_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "demarcate", "proposals", NULL);
}

/* Where `demarcate update` stores newer days, under the archive's own names. */
char *
dm_user_control_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "demarcate", "control", NULL);
}

static void
control_info_free (gpointer data)
{
  DmControlInfo *info = data;

  g_free (info->date);
  g_free (info->path);
  g_free (info);
}

DmCatalog *
dm_catalog_ref (DmCatalog *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
dm_catalog_unref (DmCatalog *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->geo_dir);
  g_clear_pointer (&self->days, dm_days_unref);
  g_ptr_array_unref (self->proposals);
  g_ptr_array_unref (self->controls);
  g_ptr_array_unref (self->problems);
  g_free (self);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static GPtrArray *
list_files (const char *dir,
            const char *prefix,
            const char *suffix)
{
  g_autoptr(GDir) gdir = g_dir_open (dir, 0, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (gdir != NULL && (name = g_dir_read_name (gdir)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, suffix))
      g_ptr_array_add (files, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (files, compare_paths);
  return files;
}

static void
add_proposal (DmCatalog  *self,
              DmProposal *proposal)
{
  /* A user file with a bundled id replaces the bundled one; the user is
   * told which, since a stale copy would otherwise hide a corrected file. */
  for (guint i = 0; i < self->proposals->len; i++)
    {
      DmProposal *other = g_ptr_array_index (self->proposals, i);

      if (g_str_equal (dm_proposal_get_id (other), dm_proposal_get_id (proposal)))
        {
          g_autofree char *mine = g_filename_display_name (dm_proposal_get_path (proposal));
          g_autofree char *theirs = g_filename_display_name (dm_proposal_get_path (other));

          g_ptr_array_add (self->problems,
                           g_strdup_printf (_("%s: warning: replaces the bundled proposal %s "
                                              "(same id “%s”); it is loaded instead"),
                                            mine, theirs, dm_proposal_get_id (proposal)));
          g_ptr_array_index (self->proposals, i) = g_object_ref (proposal);
          g_object_unref (other);
          return;
        }
    }
  g_ptr_array_add (self->proposals, g_object_ref (proposal));
}

static gboolean
load_proposals (DmCatalog   *self,
                const char  *dir,
                gboolean     bundled,
                GError     **error)
{
  g_autoptr(GPtrArray) files = list_files (dir, "", ".json");

  /* Every file in the user's folder is parsed at each start: a folder
   * that a tool filled with thousands would stall it. The first ones by
   * name are read, and the rest named as left out. */
  if (!bundled && files->len > DM_CATALOG_MAX_USER_PROPOSALS)
    {
      g_autofree char *shown = g_filename_display_name (dir);
      g_autofree char *first_left = g_filename_display_basename (files->pdata[DM_CATALOG_MAX_USER_PROPOSALS]);

      g_ptr_array_add (self->problems,
                       g_strdup_printf (_("%s: %u proposal files, more than the %u read at "
                                          "start-up; the first %u by name are loaded, the "
                                          "rest from “%s” on are left out"),
                                        shown, files->len, DM_CATALOG_MAX_USER_PROPOSALS,
                                        DM_CATALOG_MAX_USER_PROPOSALS,
                                        first_left));
      g_ptr_array_set_size (files, DM_CATALOG_MAX_USER_PROPOSALS);
    }

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(DmProposal) proposal = dm_proposal_new_from_file (files->pdata[i], &local_error);

      if (proposal != NULL)
        add_proposal (self, proposal);
      else if (bundled)
        {
          /* Bundled data is ours: a broken file there is a bug to fix. */
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      else
        g_ptr_array_add (self->problems, g_strdup (local_error->message));
    }
  return TRUE;
}

/* Baselines last, proposals by date: the order a lesson goes through them. */
static int
compare_proposals (gconstpointer a,
                   gconstpointer b)
{
  DmProposal *pa = *(DmProposal **) a;
  DmProposal *pb = *(DmProposal **) b;
  int c;

  if (dm_proposal_is_baseline (pa) != dm_proposal_is_baseline (pb))
    return dm_proposal_is_baseline (pa) ? 1 : -1;
  c = g_strcmp0 (dm_proposal_get_date (pa), dm_proposal_get_date (pb));
  return c != 0 ? c : g_strcmp0 (dm_proposal_get_id (pa), dm_proposal_get_id (pb));
}

DmCatalog *
dm_catalog_new (const char  *data_dir,
                const char  *user_dir,
                GError     **error)
{
  g_autoptr(DmCatalog) self = g_new0 (DmCatalog, 1);
  g_autofree char *proposals_dir = g_build_filename (data_dir, "proposals", NULL);
  g_autoptr(GPtrArray) control_files = NULL;
  g_autofree char *days_file = NULL;
  g_autofree char *control_dir = dm_user_control_dir ();
  GPtrArray *dates;

  g_atomic_ref_count_init (&self->ref_count);
  self->geo_dir = g_build_filename (data_dir, "geo", NULL);
  self->proposals = g_ptr_array_new_with_free_func (g_object_unref);
  self->controls = g_ptr_array_new_with_free_func (control_info_free);
  self->problems = g_ptr_array_new_with_free_func (g_free);

  if (!g_file_test (proposals_dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, DM_ERROR, DM_ERROR_NOT_FOUND,
                   _("The data folder %s has no proposals; set DEMARCATE_DATA_DIR to the "
                     "folder that holds “geo” and “proposals”"), data_dir);
      return NULL;
    }
  if (!load_proposals (self, proposals_dir, TRUE, error))
    return NULL;
  if (user_dir != NULL && !load_proposals (self, user_dir, FALSE, error))
    return NULL;
  if (self->proposals->len == 0)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_EMPTY, _("%s holds no proposal files"),
                   proposals_dir);
      return NULL;
    }
  g_ptr_array_sort (self->proposals, compare_proposals);

  days_file = dm_days_find_file (self->geo_dir);
  self->days = dm_days_open (days_file, error);
  if (self->days == NULL)
    return NULL;
  dates = dm_days_get_dates (self->days);
  for (guint i = 0; i < dates->len; i++)
    {
      DmControlInfo *info = g_new0 (DmControlInfo, 1);

      info->date = g_strdup (dates->pdata[i]);
      g_ptr_array_add (self->controls, info);
    }

  /* Days fetched by `demarcate update`, each already checked when stored. */
  control_files = user_dir != NULL ? list_files (control_dir, "deepstatemap_data_", ".geojson")
                                   : g_ptr_array_new ();
  for (guint i = 0; i < control_files->len; i++)
    {
      g_autofree char *base = g_path_get_basename (control_files->pdata[i]);
      int y, m, d;

      if (sscanf (base, "deepstatemap_data_%4d%2d%2d.geojson", &y, &m, &d) == 3 &&
          g_date_valid_dmy (d, m, y))
        {
          g_autofree char *date = g_strdup_printf ("%04d-%02d-%02d", y, m, d);

          if (dm_catalog_find_control (self, date) == NULL)
            dm_catalog_add_control (self, date, control_files->pdata[i]);
        }
    }

  return g_steal_pointer (&self);
}

DmCatalog *
dm_catalog_new_default (GError **error)
{
  g_autofree char *user_dir = dm_user_proposals_dir ();

  return dm_catalog_new (dm_data_dir (), user_dir, error);
}

GPtrArray *
dm_catalog_get_proposals (DmCatalog *self)
{
  return self->proposals;
}

DmProposal *
dm_catalog_find_proposal (DmCatalog  *self,
                          const char *id)
{
  for (guint i = 0; i < self->proposals->len; i++)
    {
      DmProposal *proposal = g_ptr_array_index (self->proposals, i);

      if (g_strcmp0 (dm_proposal_get_id (proposal), id) == 0)
        return proposal;
    }
  return NULL;
}

GPtrArray *
dm_catalog_get_controls (DmCatalog *self)
{
  return self->controls;
}

/* The controls are sorted by date: a binary search. */
static gboolean
find_index (DmCatalog  *self,
            const char *date,
            guint      *index)
{
  guint lo = 0, hi = self->controls->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int c = g_strcmp0 (((DmControlInfo *) self->controls->pdata[mid])->date, date);

      if (c == 0)
        {
          *index = mid;
          return TRUE;
        }
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  *index = lo; /* where it would go */
  return FALSE;
}

const DmControlInfo *
dm_catalog_find_control (DmCatalog  *self,
                         const char *date)
{
  guint i;

  if (date == NULL || !find_index (self, date, &i))
    return NULL;
  return g_ptr_array_index (self->controls, i);
}

const DmControlInfo *
dm_catalog_latest_control (DmCatalog *self)
{
  if (self->controls->len == 0)
    return NULL;
  return g_ptr_array_index (self->controls, self->controls->len - 1);
}

/* An imported file with the date of a bundled one takes its place. */
void
dm_catalog_add_control (DmCatalog  *self,
                        const char *date,
                        const char *path)
{
  DmControlInfo *info;
  guint i;

  if (find_index (self, date, &i))
    {
      info = g_ptr_array_index (self->controls, i);
      g_free (info->path);
      info->path = g_strdup (path);
      return;
    }
  info = g_new0 (DmControlInfo, 1);
  info->date = g_strdup (date);
  info->path = g_strdup (path);
  g_ptr_array_insert (self->controls, i, info);
}

/* The day to show for a date: that day, or when the record has no file
 * for it, the latest earlier day, with a note saying so. A date outside
 * the record gets an error naming its range. */
const DmControlInfo *
dm_catalog_resolve_date (DmCatalog   *self,
                         const char  *date,
                         char       **note,
                         GError     **error)
{
  const DmControlInfo *first, *last;
  GDate parsed;
  guint i;

  if (note != NULL)
    *note = NULL;
  g_date_clear (&parsed, 1);
  if (date != NULL && strlen (date) == 10)
    g_date_set_parse (&parsed, date);
  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-' ||
      !g_date_valid (&parsed))
    {
      g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                   _("“%s” is not a date; write it as YYYY-MM-DD"), date ? date : "");
      return NULL;
    }

  first = g_ptr_array_index (self->controls, 0);
  last = g_ptr_array_index (self->controls, self->controls->len - 1);
  if (strcmp (date, first->date) < 0 || strcmp (date, last->date) > 0)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_NOT_FOUND,
                   _("%s is outside the line of contact’s record, which runs from %s to %s; "
                     "“demarcate update” fetches newer days"), date, first->date, last->date);
      return NULL;
    }
  if (find_index (self, date, &i))
    return g_ptr_array_index (self->controls, i);

  /* i > 0: the date is after the first day. */
  if (note != NULL)
    *note = g_strdup_printf (_("%s: no DeepStateMap file; using %s"), date,
                             ((DmControlInfo *) self->controls->pdata[i - 1])->date);
  return g_ptr_array_index (self->controls, i - 1);
}

/* The day a proposal was made, as YYYY-MM-DD. A date known only to the
 * month stands for the 15th, its middle: the line of that day is at most
 * about two weeks from the one the text spoke of. */
char *
dm_catalog_proposal_day (DmCatalog   *self,
                         DmProposal  *proposal,
                         GError     **error)
{
  const char *date = dm_proposal_get_date (proposal);

  if (date != NULL && strlen (date) == 10)
    return g_strdup (date);
  if (date != NULL && strlen (date) == 7)
    return g_strdup_printf ("%s-15", date);
  g_set_error (error, DM_ERROR, DM_ERROR_NOT_FOUND,
               _("“%s” has no date of its own; give a day with --date YYYY-MM-DD"),
               dm_proposal_get_id (proposal));
  return NULL;
}

/* A bundled day comes from the record; a file goes through the importer's
 * checks, and a day fetched from DeepStateMap's archive is credited so. */
DmControlArea *
dm_catalog_load_control (DmCatalog            *self,
                         const DmControlInfo  *info,
                         GCancellable         *cancellable,
                         GError              **error)
{
  DmControlArea *control;
  g_autofree char *base = NULL;

  if (info->path == NULL)
    return dm_days_load (self->days, info->date, cancellable, error);

  control = dm_control_area_load (info->path, info->date, cancellable, error);
  base = g_path_get_basename (info->path);
  if (control != NULL && g_str_has_prefix (base, "deepstatemap_data_"))
    {
      g_free (control->source);
      control->source = g_strdup (dm_days_get_fact (self->days, DM_DAYS_CREDIT));
    }
  return control;
}

DmDays *
dm_catalog_get_days (DmCatalog *self)
{
  return self->days;
}

GPtrArray *
dm_catalog_get_problems (DmCatalog *self)
{
  return self->problems;
}

const char *
dm_catalog_get_geo_dir (DmCatalog *self)
{
  return self->geo_dir;
}
