/* dm-legend-entries.c: the legend's entries for a scene (styles in use, outlines, imports, line of contact) and their swatches. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dm-draw.h"
#include "dm-legend-entries.h"
#include "dm-sources.h"
#include "dm-stats.h"

static void
entry_clear (gpointer data)
{
  DmLegendEntry *entry = data;

  g_free (entry->text);
}

static void
add (GArray       *entries,
     DmLegendKind  kind,
     DmStyleKey    key,
     char         *text)
{
  DmLegendEntry entry = { kind, key, text };

  g_array_append_val (entries, entry);
}

/* "Ukraine withdraws (reported, unclear)": how certain the clauses behind
 * a legend key are, in the scene's scenario (and the compared one). */
static char *
key_label (DmScene    *scene,
           DmScene    *other,
           DmStyleKey  key)
{
  gboolean seen[DM_N_CERTAINTIES + 1] = { FALSE, };
  const char *names[DM_N_CERTAINTIES + 1];
  DmScene *scenes[2] = { scene, other };
  g_autoptr(GString) s = g_string_new (dm_style_key_label (key));
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (scenes) && scenes[i] != NULL; i++)
    {
      DmScenario *scenario = dm_scene_get_scenario (scenes[i]);
      DmPartition *partition = dm_scene_get_partition (scenes[i]);

      /* A compared map still waiting for its proposal or day. */
      if (scenario == NULL || partition == NULL)
        continue;
      for (DmRegion r = 0; r < DM_N_REGIONS; r++)
        for (DmPart p = 0; p < DM_N_PARTS; p++)
          {
            int c;

            if (!dm_partition_has_part (partition, r, p) ||
                dm_style_key (dm_scenario_get_status (scenario, r, p), p) != key)
              continue;
            c = dm_part_certainty (scenario, r, p);
            seen[c < 0 ? DM_N_CERTAINTIES : (guint) c] = TRUE;
          }
    }
  for (guint c = 0; c <= DM_N_CERTAINTIES; c++)
    if (seen[c])
      names[n++] = dm_part_certainty_word (c < DM_N_CERTAINTIES ? (int) c : DM_CERTAINTY_EDITED);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%s", i == 0 ? " (" : ", ", names[i]);
  if (n > 0)
    g_string_append_c (s, ')');
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The entries for scene and, when not NULL, the compared scene other (the
 * styles either uses), in legend order: an array of DmLegendEntry that
 * frees its texts. */
GArray *
dm_legend_entries_new (DmScene *scene,
                       DmScene *other)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (DmLegendEntry));
  DmPartition *partition = dm_scene_get_partition (scene);
  DmStyleKey keys[DM_N_KEYS];
  guint n = dm_scene_get_legend_keys (scene, other, keys);

  DmStyleFlags flags = dm_scene_get_high_contrast (scene) ? DM_STYLE_HIGH_CONTRAST
                                                          : DM_STYLE_NORMAL;

  g_array_set_clear_func (entries, entry_clear);
  if (partition == NULL || dm_scene_get_scenario (scene) == NULL)
    return entries;

  for (guint i = 0; i < n; i++)
    add (entries, DM_LEGEND_KEY, keys[i], key_label (scene, other, keys[i]));
  if (dm_scene_get_compare (scene) != NULL)
    add (entries, DM_LEGEND_DIFFERENCE, 0, g_strdup (_("Outlined: the two proposals treat this part differently")));
  for (guint i = 0; i < dm_scene_get_n_extras (scene); i++)
    add (entries, DM_LEGEND_EXTRA, 0,
         g_strdup_printf (_("Imported: %s"), dm_scene_get_extra_name (scene, i)));
  if (dm_scene_get_show_front (scene))
    add (entries, DM_LEGEND_FRONT, 0,
         dm_sources_line_credit (partition));
  add (entries, DM_LEGEND_UNCERTAIN, 0,
       g_strdup (_("Dashed edge, fainter fill: the clause is reported or unclear, "
                   "not in a published text")));
  for (guint i = 0; i < entries->len; i++)
    g_array_index (entries, DmLegendEntry, i).flags = flags;
  return entries;
}

/* The swatch in (x, y, width, height), drawn as the map draws what it
 * stands for; scale as DmView.scale. */
void
dm_legend_entry_paint_swatch (const DmLegendEntry *entry,
                              cairo_t             *cr,
                              double               x,
                              double               y,
                              double               width,
                              double               height,
                              double               scale)
{
  switch (entry->kind)
    {
    case DM_LEGEND_KEY:
      dm_style_paint_swatch_full (cr, entry->key, DM_CERTAINTY_TEXT, entry->flags, x, y, width,
                                  height, scale);
      break;
    case DM_LEGEND_UNCERTAIN:
      dm_style_paint_swatch_full (cr, DM_KEY_OPEN, DM_CERTAINTY_UNCLEAR, entry->flags, x, y,
                                  width, height, scale);
      break;
    case DM_LEGEND_FRONT:
      cairo_move_to (cr, x + 2 * scale, y + height / 2);
      cairo_line_to (cr, x + width - 2 * scale, y + height / 2);
      dm_style_stroke_front (cr, scale);
      break;
    case DM_LEGEND_DIFFERENCE:
      {
        double dash[2] = { 2 * scale, 3 * scale };

        cairo_save (cr);
        cairo_rectangle (cr, x + 1.5 * scale, y + 1.5 * scale, width - 3 * scale,
                         height - 3 * scale);
        cairo_set_line_width (cr, 3.0 * scale);
        cairo_set_dash (cr, dash, 2, 0);
        cairo_set_source_rgb (cr, 0, 0, 0);
        dm_draw_stroke (cr);
        cairo_restore (cr);
      }
      break;
    case DM_LEGEND_EXTRA:
    default:
      {
        double dash[2] = { 6 * scale, 3 * scale };

        cairo_save (cr);
        cairo_rectangle (cr, x + 1.5 * scale, y + 1.5 * scale, width - 3 * scale,
                         height - 3 * scale);
        cairo_set_source_rgba (cr, 0.1, 0.1, 0.1, 0.12);
        dm_draw_fill_preserve (cr);
        cairo_set_line_width (cr, 1.6 * scale);
        cairo_set_dash (cr, dash, 2, 0);
        cairo_set_source_rgba (cr, 0.05, 0.05, 0.05, 0.9);
        dm_draw_stroke (cr);
        cairo_restore (cr);
      }
      break;
    }
}
