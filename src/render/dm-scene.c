/* dm-scene.c: paints the overlay onto any cairo_t: screen layer, export image, SVG or PDF. */
#include "config.h"

#include <pango/pangocairo.h>

#include "dm-draw.h"
#include "dm-path.h"
#include "dm-scene.h"
#include "dm-stats.h"
#include "dm-text.h"

struct _DmScene
{
  gatomicrefcount  ref_count;
  DmGeodata       *geodata;
  DmPartition     *partition;
  DmScenario      *scenario;
  DmScenario      *compare;
  int              sel_region, sel_part;
  DmSceneOptions   options;
  GPtrArray       *extras; /* Extra: layers the user imported */
  guint            serial; /* bumped by every setter, for painters' caches */
};

typedef struct
{
  char      *name;
  GPtrArray *shapes; /* DmShape */
} Extra;

static void
extra_free (gpointer data)
{
  Extra *extra = data;

  g_free (extra->name);
  g_ptr_array_unref (extra->shapes);
  g_free (extra);
}

/* Boxed, so widgets can take a scene as a property. */
G_DEFINE_BOXED_TYPE (DmScene, dm_scene, dm_scene_ref, dm_scene_unref)

DmScene *
dm_scene_new (DmGeodata *geodata)
{
  DmScene *self = g_new0 (DmScene, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->geodata = dm_geodata_ref (geodata);
  self->sel_region = self->sel_part = -1;
  self->options.show_front = TRUE;
  self->options.show_labels = TRUE;
  self->options.show_places = TRUE;
  self->options.text_scale = 1.0;
  self->extras = g_ptr_array_new_with_free_func (extra_free);
  return self;
}

DmScene *
dm_scene_ref (DmScene *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
dm_scene_unref (DmScene *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_pointer (&self->partition, dm_partition_unref);
  g_clear_pointer (&self->geodata, dm_geodata_unref);
  g_clear_object (&self->scenario);
  g_clear_object (&self->compare);
  g_ptr_array_unref (self->extras);
  g_free (self);
}

DmGeodata *
dm_scene_get_geodata (DmScene *self)
{
  return self->geodata;
}

void
dm_scene_set_partition (DmScene     *self,
                        DmPartition *partition)
{
  self->serial++;
  if (partition != NULL)
    dm_partition_ref (partition);
  g_clear_pointer (&self->partition, dm_partition_unref);
  self->partition = partition;
}

DmPartition *
dm_scene_get_partition (DmScene *self)
{
  return self->partition;
}

void
dm_scene_set_scenario (DmScene    *self,
                       DmScenario *scenario)
{
  self->serial++;
  g_set_object (&self->scenario, scenario);
}

DmScenario *
dm_scene_get_scenario (DmScene *self)
{
  return self->scenario;
}

void
dm_scene_set_compare (DmScene    *self,
                      DmScenario *other)
{
  self->serial++;
  g_set_object (&self->compare, other);
}

void
dm_scene_set_selection (DmScene *self,
                        int      region,
                        int      part)
{
  self->serial++;
  self->sel_region = region;
  self->sel_part = part;
}

DmSceneOptions *
dm_scene_get_options (DmScene *self)
{
  return &self->options;
}

void
dm_scene_style_for_part (DmScene     *self,
                         DmRegion     region,
                         DmPart       part,
                         DmStyleKey  *key,
                         DmCertainty *certainty)
{
  const DmClause *clause = dm_scenario_get_clause (self->scenario, region, part);
  DmStatus status = dm_scenario_get_status (self->scenario, region, part);

  *key = dm_style_key (status, part);
  /* A user's own edit is as certain as the user says: drawn solid. */
  if (dm_scenario_is_edited (self->scenario, region, part) || clause == NULL)
    *certainty = DM_CERTAINTY_TEXT;
  else
    *certainty = clause->certainty;
}

/* The style keys in use, in legend order; returns how many. */
guint
dm_scene_get_keys (DmScene    *self,
                   DmStyleKey *keys)
{
  gboolean used[DM_N_KEYS] = { FALSE, };
  guint n = 0;

  if (self->scenario == NULL || self->partition == NULL)
    return 0;

  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    for (DmPart p = 0; p < DM_N_PARTS; p++)
      {
        DmStyleKey key;
        DmCertainty certainty;

        if (!dm_partition_has_part (self->partition, r, p) ||
            dm_partition_get_area (self->partition, r, p) < 1.0)
          continue;
        dm_scene_style_for_part (self, r, p, &key, &certainty);
        used[key] = TRUE;
      }
  for (guint k = 0; k < DM_N_KEYS; k++)
    if (used[k])
      keys[n++] = k;
  return n;
}

static void
draw_parts (DmScene      *self,
            cairo_t      *cr,
            const DmView *view)
{
  double anchor_x, anchor_y;

  /* Where the world's origin lands: hatching is anchored to the map. */
  dm_view_to_px (view, 0.0, 0.0, &anchor_x, &anchor_y);

  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    for (DmPart p = 0; p < DM_N_PARTS; p++)
      {
        DmShape *shape = dm_partition_get_shape (self->partition, r, p);
        DmStyleKey key;
        DmCertainty certainty;

        if (!dm_partition_has_part (self->partition, r, p) ||
            !dm_shape_visible (shape, view, 0))
          continue;
        dm_scene_style_for_part (self, r, p, &key, &certainty);
        if (dm_draw_is_svg (cr))
          {
            g_autofree char *id = g_strdup_printf ("%s-%s", dm_region_to_string (r),
                                                   dm_part_to_string (p));
            g_autofree char *label = g_strdup_printf ("%s, %s", dm_region_label (r),
                                                      dm_part_label (p));

            dm_draw_group_begin (cr, id, label);
          }
        dm_path_append (cr, shape, view);
        if (self->options.dark_basemap)
          {
            /* Over a dark basemap the translucent fills and their hatches
             * sink; a light underlay keeps them as the legend shows them. */
            cairo_set_source_rgba (cr, 1, 1, 1, 0.6);
            cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
            dm_draw_fill_preserve (cr);
          }
        dm_style_fill_path (cr, key, certainty, view->scale, anchor_x, anchor_y);

        /* Less certain clauses get a dashed edge as well as a fainter fill. */
        if (certainty != DM_CERTAINTY_TEXT)
          {
            double dash[2] = { 6 * view->scale, 4 * view->scale };

            cairo_save (cr);
            dm_path_append (cr, shape, view);
            cairo_set_dash (cr, dash, 2, 0);
            cairo_set_line_width (cr, 1.2 * view->scale);
            cairo_set_source_rgba (cr, 0.15, 0.15, 0.15, 0.7);
            dm_draw_stroke (cr);
            cairo_restore (cr);
          }
        dm_draw_group_end (cr);
      }
}

static void
draw_region_outlines (DmScene      *self,
                      cairo_t      *cr,
                      const DmView *view)
{
  double width = (self->options.high_contrast ? 2.6 : 1.6) * view->scale;

  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    dm_path_append (cr, dm_geodata_get_region_shape (self->geodata, r), view);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, width);
  cairo_set_source_rgba (cr, 0.1, 0.1, 0.1, 0.85);
  dm_draw_stroke (cr);
}

/* Highlights: the parts the compared scenario would leave to a different
 * holder (or, as an option, word differently), then the selection. */
static void
draw_highlights (DmScene      *self,
                 cairo_t      *cr,
                 const DmView *view)
{
  if (self->compare != NULL)
    {
      double dash[2] = { 2 * view->scale, 3 * view->scale };

      for (DmRegion r = 0; r < DM_N_REGIONS; r++)
        for (DmPart p = 0; p < DM_N_PARTS; p++)
          if (dm_partition_has_part (self->partition, r, p) &&
              dm_parts_differ (self->scenario, self->compare, r, p,
                               self->options.status_differences))
            dm_path_append (cr, dm_partition_get_shape (self->partition, r, p), view);
      cairo_save (cr);
      cairo_set_line_width (cr, 4.0 * view->scale);
      cairo_set_source_rgba (cr, 0.0, 0.0, 0.0, 0.9);
      cairo_set_dash (cr, dash, 2, 0);
      dm_draw_stroke_preserve (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_width (cr, 1.5 * view->scale);
      cairo_set_source_rgb (cr, 1, 1, 1);
      dm_draw_stroke (cr);
      cairo_restore (cr);
    }

  if (self->sel_region >= 0 && self->sel_part >= 0)
    {
      dm_path_append (cr, dm_partition_get_shape (self->partition, self->sel_region,
                                                  self->sel_part), view);
      cairo_set_line_width (cr, 5.0 * view->scale);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
      dm_draw_stroke_preserve (cr);
      cairo_set_line_width (cr, 2.5 * view->scale);
      cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
      dm_draw_stroke (cr);
    }
}

/* The line of contact: dark red over a white casing, legible on any fill. */
static void
draw_front (DmScene      *self,
            cairo_t      *cr,
            const DmView *view)
{
  DmShape *front = dm_partition_get_front (self->partition);
  double k = self->options.high_contrast ? 1.5 : 1.0;

  if (!dm_shape_visible (front, view, 0))
    return;
  dm_path_append (cr, front, view);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, 4.5 * k * view->scale);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  dm_draw_stroke_preserve (cr);
  cairo_set_line_width (cr, 2.2 * k * view->scale);
  cairo_set_source_rgb (cr, 0.55, 0.0, 0.1);
  dm_draw_stroke (cr);
}

static void
draw_labels (DmScene      *self,
             cairo_t      *cr,
             const DmView *view)
{
  DmTextStyle style = { DM_TEXT_REGION, view->scale * self->options.text_scale,
                        self->options.high_contrast };
  DmTextBoxes *boxes = dm_text_boxes_new ();
  GPtrArray *places = dm_geodata_get_places (self->geodata);
  /* Region names may move off their point; a city's name may not. */
  const double shifts[] = { 0.0, -1.6, 1.6, -3.0, 3.0 };
  double line = 18.0 * style.scale;

  /* The largest cities first (Donetsk, Zaporizhzhia…): a region's name
   * can go around them, their own names cannot move. */
  if (self->options.show_places)
    dm_text_draw_places (cr, boxes, places, view, style.scale, self->options.high_contrast,
                         500000);

  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    {
      DmShape *shape = dm_geodata_get_region_shape (self->geodata, r);
      double px, py;

      if (!dm_shape_visible (shape, view, 0))
        continue;
      dm_view_to_px (view, shape->label_x, shape->label_y, &px, &py);
      for (guint i = 0; i < G_N_ELEMENTS (shifts); i++)
        if (dm_text_draw_label (cr, boxes, &style, dm_region_label (r), px,
                                py + shifts[i] * line, FALSE))
          break;
    }

  if (self->options.show_places)
    dm_text_draw_places (cr, boxes, places, view, style.scale, self->options.high_contrast, 0);
  dm_text_boxes_free (boxes);
}

/* An imported overlay: drawn above the region parts in neutral black, so it
 * never reads as a status. shapes holds DmShape; the scene keeps a ref. */
void
dm_scene_add_extra (DmScene    *self,
                    const char *name,
                    GPtrArray  *shapes)
{
  Extra *extra = g_new0 (Extra, 1);

  self->serial++;
  extra->name = g_strdup (name);
  extra->shapes = g_ptr_array_ref (shapes);
  g_ptr_array_add (self->extras, extra);
}

static guint64
mix (guint64 h,
     guint64 v)
{
  /* FNV-1a style: order-sensitive and cheap. */
  return (h ^ v) * G_GUINT64_CONSTANT (1099511628211);
}

/* Changes whenever what dm_scene_draw paints could change, apart from the
 * view: setters, options and every part's status in both scenarios (the
 * scenarios are edited in place). Painters key their caches on it. */
guint64
dm_scene_get_fingerprint (DmScene *self)
{
  guint64 h = G_GUINT64_CONSTANT (14695981039346656037);
  const DmSceneOptions *o = &self->options;

  h = mix (h, self->serial);
  h = mix (h, (guint64) o->show_front | (guint64) o->show_labels << 1 |
              (guint64) o->show_places << 2 | (guint64) o->high_contrast << 3 |
              (guint64) o->dark_basemap << 4);
  h = mix (h, (guint64) (o->text_scale * 1000.0));
  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    for (DmPart p = 0; p < DM_N_PARTS; p++)
      {
        if (self->scenario != NULL)
          h = mix (h, dm_scenario_get_status (self->scenario, r, p) |
                      (guint64) dm_scenario_is_edited (self->scenario, r, p) << 8);
        if (self->compare != NULL)
          h = mix (h, dm_scenario_get_status (self->compare, r, p) + 16);
      }
  return h;
}

/* Imported overlays are shared (shapes are immutable) between the scenes
 * of two compared maps and an export's copy of the scene. */
void
dm_scene_copy_extras (DmScene *self,
                      DmScene *from)
{
  for (guint i = 0; i < from->extras->len; i++)
    {
      Extra *extra = g_ptr_array_index (from->extras, i);
      dm_scene_add_extra (self, extra->name, extra->shapes);
    }
}

guint
dm_scene_get_n_extras (DmScene *self)
{
  return self->extras->len;
}

const char *
dm_scene_get_extra_name (DmScene *self,
                         guint    index)
{
  g_return_val_if_fail (index < self->extras->len, NULL);
  return ((Extra *) g_ptr_array_index (self->extras, index))->name;
}

/* Points and multipoints (one-vertex rings) as dots; FALSE if the shape
 * has lines instead. */
static gboolean
draw_points (cairo_t       *cr,
             const DmShape *shape,
             const DmView  *view)
{
  const DmShapeLevel *level = dm_shape_get_level (shape, dm_view_detail_zoom (view));
  const double *xy = (const double *) level->xy->data;
  guint start = 0;

  for (guint r = 0; r < level->ring_sizes->len; r++)
    if (g_array_index (level->ring_sizes, guint, r) != 1)
      return FALSE;

  cairo_new_path (cr);
  for (guint r = 0; r < level->ring_sizes->len; r++, start++)
    {
      double px, py;

      dm_view_to_px (view, xy[2 * start], xy[2 * start + 1], &px, &py);
      if (px < -8 || py < -8 || px > view->width + 8 || py > view->height + 8)
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, px, py, 3.5 * view->scale, 0, 2 * G_PI);
    }
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  dm_draw_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 1.2 * view->scale);
  dm_draw_stroke (cr);
  return TRUE;
}

static void
draw_extras (DmScene      *self,
             cairo_t      *cr,
             const DmView *view)
{
  double dash[2] = { 6 * view->scale, 3 * view->scale };

  for (guint i = 0; i < self->extras->len; i++)
    {
      Extra *extra = g_ptr_array_index (self->extras, i);
      g_autofree char *id = g_strdup_printf ("imported-%u", i + 1);

      dm_draw_group_begin (cr, id, extra->name);
      for (guint j = 0; j < extra->shapes->len; j++)
        {
          DmShape *shape = g_ptr_array_index (extra->shapes, j);

          if (dm_shape_is_empty (shape))
            continue;
          if (!shape->closed && draw_points (cr, shape, view))
            continue;
          dm_path_append (cr, shape, view);
          if (shape->closed)
            {
              cairo_set_source_rgba (cr, 0.1, 0.1, 0.1, 0.12);
              dm_draw_fill_preserve (cr);
            }
          cairo_set_source_rgba (cr, 0.05, 0.05, 0.05, 0.9);
          cairo_set_line_width (cr, 1.6 * view->scale);
          cairo_set_dash (cr, dash, 2, 0);
          dm_draw_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      dm_draw_group_end (cr);
    }
}

void
dm_scene_draw (DmScene      *self,
               cairo_t      *cr,
               const DmView *view)
{
  g_return_if_fail (self != NULL && cr != NULL && view != NULL);

  if (self->partition == NULL || self->scenario == NULL)
    return;

  cairo_save (cr);
  cairo_new_path (cr);
  dm_draw_group_begin (cr, "regions", "Region parts by status");
  draw_parts (self, cr, view);
  dm_draw_group_end (cr);
  dm_draw_group_begin (cr, "region-outlines", "Region outlines");
  draw_region_outlines (self, cr, view);
  dm_draw_group_end (cr);
  draw_extras (self, cr, view);
  dm_draw_group_begin (cr, "highlights", "Differences and selection");
  draw_highlights (self, cr, view);
  dm_draw_group_end (cr);
  /* Over the difference outlines: the line of contact must never vanish. */
  if (self->options.show_front)
    {
      dm_draw_group_begin (cr, "line-of-contact", "Line of contact");
      draw_front (self, cr, view);
      dm_draw_group_end (cr);
    }
  if (self->options.show_labels)
    {
      dm_draw_group_begin (cr, "labels", "Labels");
      draw_labels (self, cr, view);
      dm_draw_group_end (cr);
    }
  cairo_restore (cr);
}

/* Which region part lies under a world point; FALSE outside all of them. */
gboolean
dm_scene_hit (DmScene  *self,
              double    x,
              double    y,
              DmRegion *region,
              DmPart   *part)
{
  if (self->partition == NULL)
    return FALSE;

  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    for (DmPart p = 0; p < DM_N_PARTS; p++)
      if (dm_partition_has_part (self->partition, r, p) &&
          dm_shape_contains (dm_partition_get_shape (self->partition, r, p), x, y))
        {
          *region = r;
          *part = p;
          return TRUE;
        }
  return FALSE;
}
