/* dm-scene.c: what a map shows, as notifying properties, and the painter for screen, image, SVG and PDF. */
#include "config.h"

#include <pango/pangocairo.h>

#include "dm-annotation-draw.h"
#include "dm-area-fill.h"
#include "dm-draw.h"
#include "dm-path.h"
#include "dm-round-stroke.h"
#include "dm-scene.h"
#include "dm-stats.h"
#include "dm-text.h"

struct _DmScene
{
  GObject          parent_instance;
  DmGeodata       *geodata;
  DmPartition     *partition;
  DmScenario      *scenario;
  DmScenario      *compare;
  GSignalGroup    *scenario_signals;
  GSignalGroup    *compare_signals;
  int              sel_region, sel_part;
  gboolean         show_front;     /* the line of contact */
  gboolean         show_labels;    /* region names */
  gboolean         show_places;    /* town names */
  gboolean         high_contrast;  /* thicker lines, black halos: projectors */
  gboolean         dark;           /* painted over the dark basemap */
  guint            places_min;     /* towns smaller are left out: presentation's key cities */
  double           text_scale;     /* 1 normally; larger in presentation mode */
  gboolean         status_differences; /* outline wording differences, not only holders */
  GPtrArray       *extras;         /* Extra: layers the user imported */
  DmAnnotationList *label_obstacles; /* borrowed, for one export's drawing: labels keep off */
};

typedef struct
{
  char      *name;
  GPtrArray *shapes; /* DmShape */
} Extra;

G_DEFINE_FINAL_TYPE (DmScene, dm_scene, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_GEODATA,
  PROP_PARTITION,
  PROP_SCENARIO,
  PROP_COMPARE,
  PROP_SHOW_FRONT,
  PROP_SHOW_LABELS,
  PROP_SHOW_PLACES,
  PROP_HIGH_CONTRAST,
  PROP_DARK,
  PROP_TEXT_SCALE,
  PROP_STATUS_DIFFERENCES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* How a map is drawn, as opposed to what it shows: a second map or a
 * page's second frame follows these from the first. */
static const guint style_props[] = {
  PROP_SHOW_FRONT, PROP_SHOW_LABELS, PROP_SHOW_PLACES, PROP_HIGH_CONTRAST, PROP_DARK,
  PROP_TEXT_SCALE, PROP_STATUS_DIFFERENCES,
};

static void
extra_free (gpointer data)
{
  Extra *extra = data;

  g_free (extra->name);
  g_ptr_array_unref (extra->shapes);
  g_free (extra);
}

static void
emit_changed (DmScene *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
dm_scene_dispatch_properties_changed (GObject     *object,
                                      guint        n_pspecs,
                                      GParamSpec **pspecs)
{
  G_OBJECT_CLASS (dm_scene_parent_class)->dispatch_properties_changed (object, n_pspecs, pspecs);
  /* Every property is something painted. */
  emit_changed (DM_SCENE (object));
}

static void
dm_scene_dispose (GObject *object)
{
  DmScene *self = DM_SCENE (object);

  g_clear_object (&self->scenario_signals);
  g_clear_object (&self->compare_signals);
  G_OBJECT_CLASS (dm_scene_parent_class)->dispose (object);
}

static void
dm_scene_finalize (GObject *object)
{
  DmScene *self = DM_SCENE (object);

  g_clear_pointer (&self->partition, dm_partition_unref);
  g_clear_pointer (&self->geodata, dm_geodata_unref);
  g_clear_object (&self->scenario);
  g_clear_object (&self->compare);
  g_ptr_array_unref (self->extras);
  G_OBJECT_CLASS (dm_scene_parent_class)->finalize (object);
}

static void
dm_scene_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  DmScene *self = DM_SCENE (object);

  switch (prop_id)
    {
    case PROP_GEODATA:
      g_value_set_boxed (value, self->geodata);
      break;
    case PROP_PARTITION:
      g_value_set_boxed (value, self->partition);
      break;
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;
    case PROP_COMPARE:
      g_value_set_object (value, self->compare);
      break;
    case PROP_SHOW_FRONT:
      g_value_set_boolean (value, self->show_front);
      break;
    case PROP_SHOW_LABELS:
      g_value_set_boolean (value, self->show_labels);
      break;
    case PROP_SHOW_PLACES:
      g_value_set_boolean (value, self->show_places);
      break;
    case PROP_STATUS_DIFFERENCES:
      g_value_set_boolean (value, self->status_differences);
      break;
    case PROP_HIGH_CONTRAST:
      g_value_set_boolean (value, self->high_contrast);
      break;
    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
      break;
    case PROP_TEXT_SCALE:
      g_value_set_double (value, self->text_scale);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_scene_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  DmScene *self = DM_SCENE (object);

  switch (prop_id)
    {
    case PROP_GEODATA:
      dm_scene_set_geodata (self, g_value_get_boxed (value));
      break;
    case PROP_PARTITION:
      dm_scene_set_partition (self, g_value_get_boxed (value));
      break;
    case PROP_SCENARIO:
      dm_scene_set_scenario (self, g_value_get_object (value));
      break;
    case PROP_COMPARE:
      dm_scene_set_compare (self, g_value_get_object (value));
      break;
    case PROP_SHOW_FRONT:
      dm_scene_set_show_front (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_LABELS:
      dm_scene_set_show_labels (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_PLACES:
      dm_scene_set_show_places (self, g_value_get_boolean (value));
      break;
    case PROP_STATUS_DIFFERENCES:
      dm_scene_set_status_differences (self, g_value_get_boolean (value));
      break;
    case PROP_HIGH_CONTRAST:
      dm_scene_set_high_contrast (self, g_value_get_boolean (value));
      break;
    case PROP_DARK:
      dm_scene_set_dark (self, g_value_get_boolean (value));
      break;
    case PROP_TEXT_SCALE:
      dm_scene_set_text_scale (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_scene_class_init (DmSceneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispatch_properties_changed = dm_scene_dispatch_properties_changed;
  object_class->dispose = dm_scene_dispose;
  object_class->finalize = dm_scene_finalize;
  object_class->get_property = dm_scene_get_property;
  object_class->set_property = dm_scene_set_property;

  /* The bundled geography: oblasts, places. */
  properties[PROP_GEODATA] =
    g_param_spec_boxed ("geodata", NULL, NULL, DM_TYPE_GEODATA, flags);
  /* The day shown: each region's parts against that day's line of contact. */
  properties[PROP_PARTITION] =
    g_param_spec_boxed ("partition", NULL, NULL, DM_TYPE_PARTITION, flags);
  /* The proposal shown, with the user's edits. */
  properties[PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL, DM_TYPE_SCENARIO, flags);
  /* The other proposal of a comparison: where the two differ is outlined. */
  properties[PROP_COMPARE] =
    g_param_spec_object ("compare", NULL, NULL, DM_TYPE_SCENARIO, flags);
  properties[PROP_SHOW_FRONT] =
    g_param_spec_boolean ("show-front", NULL, NULL, TRUE, flags);
  properties[PROP_SHOW_LABELS] =
    g_param_spec_boolean ("show-labels", NULL, NULL, TRUE, flags);
  /* Outline every wording difference with the compared scenario, not only
   * the parts a different holder would get. */
  properties[PROP_STATUS_DIFFERENCES] =
    g_param_spec_boolean ("status-differences", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_PLACES] =
    g_param_spec_boolean ("show-places", NULL, NULL, TRUE, flags);
  /* Thicker lines and black halos, for projectors. */
  properties[PROP_HIGH_CONTRAST] =
    g_param_spec_boolean ("high-contrast", NULL, NULL, FALSE, flags);
  /* Painted over the dark basemap. */
  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL, FALSE, flags);
  /* 1 normally; larger in presentation mode. */
  properties[PROP_TEXT_SCALE] =
    g_param_spec_double ("text-scale", NULL, NULL, 0.25, 4.0, 1.0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Anything painted changed: a property, the selection, an imported
   * layer, or a part's status in either scenario (they are edited in
   * place). Painters drop their caches on it. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dm_scene_init (DmScene *self)
{
  self->sel_region = self->sel_part = -1;
  self->show_front = TRUE;
  self->show_labels = TRUE;
  self->show_places = TRUE;
  self->text_scale = 1.0;
  self->extras = g_ptr_array_new_with_free_func (extra_free);

  self->scenario_signals = g_signal_group_new (DM_TYPE_SCENARIO);
  g_signal_group_connect_swapped (self->scenario_signals, "changed", G_CALLBACK (emit_changed),
                                  self);
  self->compare_signals = g_signal_group_new (DM_TYPE_SCENARIO);
  g_signal_group_connect_swapped (self->compare_signals, "changed", G_CALLBACK (emit_changed),
                                  self);
}

/* geodata may be NULL, for a window's scene before the data has loaded. */
DmScene *
dm_scene_new (DmGeodata *geodata)
{
  return g_object_new (DM_TYPE_SCENE, "geodata", geodata, NULL);
}

/* Makes self draw as source does, now and whenever source changes. */
void
dm_scene_follow (DmScene *self,
                 DmScene *source)
{
  g_return_if_fail (DM_IS_SCENE (self) && DM_IS_SCENE (source));

  for (guint i = 0; i < G_N_ELEMENTS (style_props); i++)
    {
      const char *name = g_param_spec_get_name (properties[style_props[i]]);

      g_object_bind_property (source, name, self, name, G_BINDING_SYNC_CREATE);
    }
}

/* A scene showing what self shows now, which later changes to self do not
 * reach: for an export that paints in a thread. The scenario is shared. */
DmScene *
dm_scene_copy (DmScene *self)
{
  DmScene *copy;

  g_return_val_if_fail (DM_IS_SCENE (self), NULL);

  copy = g_object_new (DM_TYPE_SCENE,
                       "geodata", self->geodata,
                       "partition", self->partition,
                       "scenario", self->scenario,
                       "compare", self->compare,
                       NULL);
  for (guint i = 0; i < G_N_ELEMENTS (style_props); i++)
    {
      GParamSpec *pspec = properties[style_props[i]];
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (self), pspec->name, &value);
      g_object_set_property (G_OBJECT (copy), pspec->name, &value);
    }
  dm_scene_copy_extras (copy, self);
  return copy;
}

DmGeodata *
dm_scene_get_geodata (DmScene *self)
{
  g_return_val_if_fail (DM_IS_SCENE (self), NULL);
  return self->geodata;
}

void
dm_scene_set_geodata (DmScene   *self,
                      DmGeodata *geodata)
{
  g_return_if_fail (DM_IS_SCENE (self));

  if (self->geodata == geodata)
    return;
  g_clear_pointer (&self->geodata, dm_geodata_unref);
  self->geodata = geodata ? dm_geodata_ref (geodata) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GEODATA]);
}

DmPartition *
dm_scene_get_partition (DmScene *self)
{
  g_return_val_if_fail (DM_IS_SCENE (self), NULL);
  return self->partition;
}

void
dm_scene_set_partition (DmScene     *self,
                        DmPartition *partition)
{
  g_return_if_fail (DM_IS_SCENE (self));

  if (self->partition == partition)
    return;
  if (partition != NULL)
    dm_partition_ref (partition);
  g_clear_pointer (&self->partition, dm_partition_unref);
  self->partition = partition;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTITION]);
}

DmScenario *
dm_scene_get_scenario (DmScene *self)
{
  g_return_val_if_fail (DM_IS_SCENE (self), NULL);
  return self->scenario;
}

void
dm_scene_set_scenario (DmScene    *self,
                       DmScenario *scenario)
{
  g_return_if_fail (DM_IS_SCENE (self));

  if (!g_set_object (&self->scenario, scenario))
    return;
  g_signal_group_set_target (self->scenario_signals, scenario);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
}

DmScenario *
dm_scene_get_compare (DmScene *self)
{
  g_return_val_if_fail (DM_IS_SCENE (self), NULL);
  return self->compare;
}

void
dm_scene_set_compare (DmScene    *self,
                      DmScenario *compare)
{
  g_return_if_fail (DM_IS_SCENE (self));

  if (!g_set_object (&self->compare, compare))
    return;
  g_signal_group_set_target (self->compare_signals, compare);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARE]);
}

static void
set_flag (DmScene  *self,
          gboolean *flag,
          gboolean  value,
          guint     prop_id)
{
  value = !!value;
  if (*flag == value)
    return;
  *flag = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

gboolean
dm_scene_get_show_front (DmScene *self)
{
  g_return_val_if_fail (DM_IS_SCENE (self), FALSE);
  return self->show_front;
}

void
dm_scene_set_show_front (DmScene  *self,
                         gboolean  show_front)
{
  g_return_if_fail (DM_IS_SCENE (self));
  set_flag (self, &self->show_front, show_front, PROP_SHOW_FRONT);
}

gboolean
dm_scene_get_show_labels (DmScene *self)
{
  g_return_val_if_fail (DM_IS_SCENE (self), FALSE);
  return self->show_labels;
}

void
dm_scene_set_show_labels (DmScene  *self,
                          gboolean  show_labels)
{
  g_return_if_fail (DM_IS_SCENE (self));
  set_flag (self, &self->show_labels, show_labels, PROP_SHOW_LABELS);
}

gboolean
dm_scene_get_status_differences (DmScene *self)
{
  g_return_val_if_fail (DM_IS_SCENE (self), FALSE);
  return self->status_differences;
}

void
dm_scene_set_status_differences (DmScene  *self,
                                 gboolean  status_differences)
{
  g_return_if_fail (DM_IS_SCENE (self));
  set_flag (self, &self->status_differences, status_differences, PROP_STATUS_DIFFERENCES);
}

gboolean
dm_scene_get_show_places (DmScene *self)
{
  g_return_val_if_fail (DM_IS_SCENE (self), FALSE);
  return self->show_places;
}

void
dm_scene_set_show_places (DmScene  *self,
                          gboolean  show_places)
{
  g_return_if_fail (DM_IS_SCENE (self));
  set_flag (self, &self->show_places, show_places, PROP_SHOW_PLACES);
}

/* Towns of fewer people are not named (0: the zoom alone decides). */
void
dm_scene_set_places_min_population (DmScene *self,
                                    guint    population)
{
  g_return_if_fail (DM_IS_SCENE (self));
  if (self->places_min == population)
    return;
  self->places_min = population;
  emit_changed (self);
}

gboolean
dm_scene_get_high_contrast (DmScene *self)
{
  g_return_val_if_fail (DM_IS_SCENE (self), FALSE);
  return self->high_contrast;
}

void
dm_scene_set_high_contrast (DmScene  *self,
                            gboolean  high_contrast)
{
  g_return_if_fail (DM_IS_SCENE (self));
  set_flag (self, &self->high_contrast, high_contrast, PROP_HIGH_CONTRAST);
}

gboolean
dm_scene_get_dark (DmScene *self)
{
  g_return_val_if_fail (DM_IS_SCENE (self), FALSE);
  return self->dark;
}

void
dm_scene_set_dark (DmScene  *self,
                   gboolean  dark)
{
  g_return_if_fail (DM_IS_SCENE (self));
  set_flag (self, &self->dark, dark, PROP_DARK);
}

double
dm_scene_get_text_scale (DmScene *self)
{
  g_return_val_if_fail (DM_IS_SCENE (self), 1.0);
  return self->text_scale;
}

void
dm_scene_set_text_scale (DmScene *self,
                         double   text_scale)
{
  g_return_if_fail (DM_IS_SCENE (self));

  if (self->text_scale == text_scale)
    return;
  self->text_scale = text_scale;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_SCALE]);
}

/* The part last clicked, outlined; -1, -1 for none. */
void
dm_scene_set_selection (DmScene *self,
                        int      region,
                        int      part)
{
  g_return_if_fail (DM_IS_SCENE (self));

  if (self->sel_region == region && self->sel_part == part)
    return;
  self->sel_region = region;
  self->sel_part = part;
  emit_changed (self);
}

gboolean
dm_scene_get_selection (DmScene *self,
                        int     *region,
                        int     *part)
{
  g_return_val_if_fail (DM_IS_SCENE (self), FALSE);

  *region = self->sel_region;
  *part = self->sel_part;
  return self->sel_region >= 0;
}

/* An imported overlay: drawn above the region parts in neutral black, so it
 * never reads as a status. shapes holds DmShape; the scene keeps a ref. */
void
dm_scene_add_extra (DmScene    *self,
                    const char *name,
                    GPtrArray  *shapes)
{
  Extra *extra;

  g_return_if_fail (DM_IS_SCENE (self));

  extra = g_new0 (Extra, 1);
  extra->name = g_strdup (name);
  extra->shapes = g_ptr_array_ref (shapes);
  g_ptr_array_add (self->extras, extra);
  emit_changed (self);
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
  g_return_val_if_fail (DM_IS_SCENE (self), 0);
  return self->extras->len;
}

const char *
dm_scene_get_extra_name (DmScene *self,
                         guint    index)
{
  g_return_val_if_fail (DM_IS_SCENE (self), NULL);
  g_return_val_if_fail (index < self->extras->len, NULL);
  return ((Extra *) g_ptr_array_index (self->extras, index))->name;
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
  return dm_scene_get_legend_keys (self, NULL, keys);
}

/* The style keys either scene uses (other may be NULL), in legend order:
 * the legend of two compared maps. */
guint
dm_scene_get_legend_keys (DmScene    *self,
                          DmScene    *other,
                          DmStyleKey *keys)
{
  gboolean used[DM_N_KEYS] = { FALSE, };
  DmScene *scenes[2] = { self, other };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (scenes); i++)
    {
      DmScene *scene = scenes[i];

      if (scene == NULL || scene->scenario == NULL || scene->partition == NULL)
        continue;
      for (DmRegion r = 0; r < DM_N_REGIONS; r++)
        for (DmPart p = 0; p < DM_N_PARTS; p++)
          {
            DmStyleKey key;
            DmCertainty certainty;

            if (!dm_partition_has_part (scene->partition, r, p) ||
                dm_partition_is_sliver (scene->partition, r, p))
              continue;
            dm_scene_style_for_part (scene, r, p, &key, &certainty);
            used[key] = TRUE;
          }
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
        if (self->dark)
          {
            /* Over a dark basemap the translucent fills and their hatches
             * sink; a light underlay keeps them as the legend shows them. */
            cairo_set_source_rgba (cr, 1, 1, 1, 0.6);
            cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
            if (!dm_area_fill (cr))
              dm_draw_fill_preserve (cr);
          }
        dm_style_fill_path_full (cr, key, certainty,
                                 self->high_contrast ? DM_STYLE_HIGH_CONTRAST : DM_STYLE_NORMAL,
                                 view->scale, anchor_x, anchor_y);

        /* Less certain clauses get a dashed edge as well as a fainter fill. */
        if (certainty != DM_CERTAINTY_TEXT)
          {
            double dash[2] = { 6 * view->scale, 4 * view->scale };

            cairo_save (cr);
            dm_path_append (cr, shape, view);
            cairo_set_dash (cr, dash, 2, 0);
            cairo_set_line_width (cr, 1.2 * view->scale);
            cairo_set_source_rgba (cr, 0.15, 0.15, 0.15, 0.7);
            if (dm_round_stroke_dashed (cr, 1.2 * view->scale))
              cairo_new_path (cr);
            else
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
  double width = (self->high_contrast ? 2.6 : 1.6) * view->scale;

  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    dm_path_append (cr, dm_geodata_get_region_shape (self->geodata, r), view);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, width);
  cairo_set_source_rgba (cr, 0.1, 0.1, 0.1, 0.85);
  /* Closed rings with round joins: on images, the fast exact stroke. */
  if (dm_round_stroke (cr, width, FALSE))
    cairo_new_path (cr);
  else
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
                               self->status_differences))
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

static void
draw_front (DmScene      *self,
            cairo_t      *cr,
            const DmView *view)
{
  DmShape *front = dm_partition_get_front (self->partition);
  double k = self->high_contrast ? 1.5 : 1.0;

  if (!dm_shape_visible (front, view, 0))
    return;
  dm_path_append (cr, front, view);
  dm_style_stroke_front (cr, k * view->scale);
}

/* While an export draws: the annotations the map's names keep off (NULL:
 * none). Not for the window, whose names are cached apart from its
 * annotations. The list is borrowed until set back to NULL. */
void
dm_scene_set_label_obstacles (DmScene          *self,
                              DmAnnotationList *annotations)
{
  self->label_obstacles = annotations;
}

static void
draw_labels (DmScene      *self,
             cairo_t      *cr,
             const DmView *view)
{
  DmTextStyle style = { DM_TEXT_REGION, view->scale * self->text_scale,
                        self->high_contrast };
  DmTextBoxes *boxes = dm_text_boxes_new ();
  GPtrArray *places = dm_geodata_get_places (self->geodata);
  /* Region names may move off their point; a city's name may not. */
  const double shifts[] = { 0.0, -1.6, 1.6, -3.0, 3.0 };
  double line = 18.0 * style.scale;

  /* An export's annotations are the desk's own words: names go around. */
  if (self->label_obstacles != NULL)
    dm_annotations_reserve (cr, view, self->label_obstacles, boxes);
  /* The largest cities first (Donetsk, Zaporizhzhia…): a region's name
   * can go around them, their own names cannot move. */
  if (self->show_places)
    dm_text_draw_places (cr, boxes, places, view, style.scale, self->high_contrast,
                         MAX (500000, self->places_min));

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

  if (self->show_places)
    dm_text_draw_places (cr, boxes, places, view, style.scale, self->high_contrast,
                         self->places_min);
  dm_text_boxes_free (boxes);
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
static void
draw_all (DmScene       *self,
          cairo_t       *cr,
          const DmView  *view,
          DmSceneLayers  layers)
{
  if (self->geodata == NULL || self->partition == NULL || self->scenario == NULL)
    return;

  cairo_save (cr);
  cairo_new_path (cr);
  if (!(layers & DM_SCENE_SHAPES))
    goto labels;
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
  if (self->show_front)
    {
      dm_draw_group_begin (cr, "line-of-contact", "Line of contact");
      draw_front (self, cr, view);
      dm_draw_group_end (cr);
    }
labels:
  if (self->show_labels && (layers & DM_SCENE_LABELS))
    {
      dm_draw_group_begin (cr, "labels", "Labels");
      draw_labels (self, cr, view);
      dm_draw_group_end (cr);
    }
  cairo_restore (cr);
}

void
dm_scene_draw (DmScene      *self,
               cairo_t      *cr,
               const DmView *view)
{
  g_return_if_fail (DM_IS_SCENE (self) && cr != NULL && view != NULL);
  draw_all (self, cr, view, DM_SCENE_ALL);
}

/* Only some of what dm_scene_draw paints; SHAPES then LABELS over them
 * is dm_scene_draw. */
void
dm_scene_draw_layers (DmScene       *self,
                      cairo_t       *cr,
                      const DmView  *view,
                      DmSceneLayers  layers)
{
  g_return_if_fail (DM_IS_SCENE (self) && cr != NULL && view != NULL);
  draw_all (self, cr, view, layers);
}

/* Paints scenario instead of the scene's own, for a cross-fade from the
 * previous proposal: nothing is notified, nothing changes. */
void
dm_scene_draw_scenario (DmScene      *self,
                        cairo_t      *cr,
                        const DmView *view,
                        DmScenario   *scenario)
{
  DmScenario *own;

  g_return_if_fail (DM_IS_SCENE (self) && cr != NULL && view != NULL);

  own = self->scenario;
  self->scenario = scenario;
  draw_all (self, cr, view, DM_SCENE_ALL);
  self->scenario = own;
}
