/* bench-animation.c: a weekly 2025 time-lapse (52 frames, 1280×720) in each format; goal ≤ 10 s. */
#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "dm-animation.h"
#include "dm-catalog.h"
#include "dm-series.h"

typedef struct
{
  DmCatalog  *catalog;
  DmGeodata  *geodata;
  DmScenario *scenario;
  GPtrArray  *days;
} Frames;

/* As `demarcate export --from --to` paints a time-lapse: each frame loads
 * and derives its day. */
static gboolean
frame_cb (guint              index,
          DmAnimationFrame  *frame,
          gpointer           user_data,
          GCancellable      *cancellable,
          GError           **error)
{
  Frames *frames = user_data;
  const DmControlInfo *info = g_ptr_array_index (frames->days, index);
  g_autoptr(DmControlArea) control = dm_catalog_load_control (frames->catalog, info,
                                                              cancellable, error);

  if (control == NULL)
    return FALSE;
  frame->scenario = g_object_ref (frames->scenario);
  frame->stamp = g_strdup (info->date);
  frame->partition = dm_partition_derive (frames->geodata, control, cancellable, error);
  return frame->partition != NULL;
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmCatalog) catalog = dm_catalog_new_default (&error);
  g_autoptr(DmGeodata) geodata = NULL;
  g_autoptr(DmScenario) scenario = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autofree char *dir = g_dir_make_tmp ("demarcate-bench-XXXXXX", NULL);
  Frames frames;
  double load[3] = { 0, };

  if (catalog == NULL)
    g_error ("%s", error->message);
  geodata = dm_geodata_load (dm_catalog_get_geo_dir (catalog), NULL, &error);
  if (geodata == NULL)
    g_error ("%s", error->message);
  scenario = dm_scenario_new (dm_catalog_find_proposal (catalog, "line-of-contact"));
  days = dm_series_days (catalog, "2025-01-01", "2025-12-31", 7, &error);
  if (days == NULL)
    g_error ("%s", error->message);
  frames = (Frames) { catalog, geodata, scenario, days };

  for (DmAnimationFormat f = DM_ANIMATION_WEBM; f <= DM_ANIMATION_GIF; f++)
    {
      g_autofree char *name = g_strdup_printf ("lapse.%s", dm_animation_format_to_string (f));
      g_autofree char *path = g_build_filename (dir, name, NULL);
      DmAnimationOptions options;
      GStatBuf st;
      gint64 t0;
      double c0, wall;

      dm_animation_options_init (&options);
      options.format = f;
      options.fps = 4;
      options.n_frames = days->len;
      options.page.width = 1280;
      options.page.height = 720;
      options.frame_func = frame_cb;
      options.frame_data = &frames;
      t0 = g_get_monotonic_time ();
      c0 = cpu_seconds ();
      if (!dm_animation_write (geodata, &options, path, NULL, &error))
        g_error ("%s", error->message);
      wall = (g_get_monotonic_time () - t0) / 1e6;
      g_stat (path, &st);
      g_print ("time-lapse 2025 weekly, %u frames 1280x720 %-4s  %6.2f s  (CPU %5.2f s, "
               "%5.1f MB)  (goal <= 10 s)\n", days->len, dm_animation_format_to_string (f), wall,
               cpu_seconds () - c0, st.st_size / 1e6);
      g_unlink (path);
    }
  /* The machine may be shared: the load says how far to trust the wall time. */
  if (getloadavg (load, 3) > 0)
    g_print ("load average during the run                %.2f on %u processors\n", load[0],
             g_get_num_processors ());
  g_rmdir (dir);
  return 0;
}
