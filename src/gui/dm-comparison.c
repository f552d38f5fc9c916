/* dm-comparison.c: a second proposal or day beside the first, on a second map or behind a swipe divider. */
#include "config.h"

#include <glib/gi18n.h>

#include "dm-comparison.h"
#include "dm-gui-enums.h"
#include "dm-loader.h"

#define HANDLE_WIDTH 24

struct _DmComparison
{
  GObject           parent_instance;

  /* The first map's, which the second follows. */
  DmScene          *scene;
  DmOverlayLayer   *overlay;
  GtkOverlay       *map_overlay;

  /* Ours. */
  ShumateSimpleMap *second_map;
  GtkWidget        *handle;
  GtkLabel         *label_a;
  GtkLabel         *label_b;
  GtkWidget        *title;           /* presentation's title: the labels go below it */
  DmScene          *scene_b;
  DmOverlayLayer   *overlay_b;
  DmScenario       *scenario_b;      /* comparing proposals */
  char             *date;            /* comparing days */
  GCancellable     *cancellable;     /* the second day's partition */
  GPtrArray        *follow;          /* GBinding: scene → scene_b, for this comparison */
  GPtrArray        *view_bindings;   /* GBinding: viewport ↔ viewport, side by side */
  DmCatalog        *catalog;         /* with own_days: for each proposal's day */
  gboolean          own_days;        /* each proposal on the line of its own day */
  DmCompareMode     mode;
  double            divider;         /* swipe: fraction of the width */
  double            drag_start;
  gboolean          side_by_side;
};

G_DEFINE_FINAL_TYPE (DmComparison, dm_comparison, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODE,
  PROP_DIVIDER,
  PROP_ACTIVE,
  PROP_SIDE_BY_SIDE,
  PROP_COMPARED_SCENE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static ShumateSimpleMap *
first_map (DmComparison *self)
{
  return SHUMATE_SIMPLE_MAP (gtk_widget_get_ancestor (GTK_WIDGET (self->overlay),
                                                      SHUMATE_TYPE_SIMPLE_MAP));
}

static void
unbind_all (GPtrArray *bindings)
{
  for (guint i = 0; i < bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (bindings, i));
  g_ptr_array_set_size (bindings, 0);
}

static void
clear_overlay_b (DmComparison *self)
{
  if (self->overlay_b != NULL)
    {
      GtkWidget *map = gtk_widget_get_ancestor (GTK_WIDGET (self->overlay_b),
                                                SHUMATE_TYPE_SIMPLE_MAP);

      if (map != NULL)
        shumate_simple_map_remove_overlay_layer (SHUMATE_SIMPLE_MAP (map),
                                                 SHUMATE_LAYER (self->overlay_b));
      self->overlay_b = NULL;
    }
  unbind_all (self->view_bindings);
}

static void
update_swipe_clip (DmComparison *self)
{
  gboolean swipe = dm_comparison_get_active (self) && self->mode == DM_COMPARE_SWIPE;

  dm_overlay_layer_set_band (self->overlay, 0, swipe ? self->divider : 1.0);
  if (swipe && self->overlay_b != NULL)
    dm_overlay_layer_set_band (self->overlay_b, self->divider, 1.0);
  gtk_widget_queue_allocate (GTK_WIDGET (self->map_overlay));
}

/* Each map's name, and the day of its line: comparing proposals, each may
 * stand on its own day ("Line on the Proposal's Own Day"). */
static char *
proposal_label (DmScenario  *scenario,
                DmPartition *partition)
{
  const char *name = dm_proposal_get_short_title (dm_scenario_get_proposal (scenario));

  if (partition == NULL)
    return g_strdup (name);
  /* Translators: a compared map's name: "US 28-point plan · line of 2025-11-20". */
  return g_strdup_printf (_("%s · line of %s"), name, dm_partition_get_date (partition));
}

static void
update_labels (DmComparison *self)
{
  gboolean swipe = self->mode == DM_COMPARE_SWIPE;
  DmScenario *scenario = dm_scene_get_scenario (self->scene);
  DmPartition *partition = dm_scene_get_partition (self->scene);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *label_a = NULL;
  g_autofree char *label_b = NULL;

  if (self->label_a == NULL)
    return;
  if (self->date != NULL && partition != NULL)
    {
      a = g_strdup_printf (_("Line of %s"), dm_partition_get_date (partition));
      b = g_strdup_printf (_("Line of %s"), self->date);
    }
  else if (self->scenario_b != NULL && scenario != NULL)
    {
      a = proposal_label (scenario, partition);
      b = proposal_label (self->scenario_b, dm_scene_get_partition (self->scene_b));
    }
  else
    return;
  label_a = g_strdup_printf ("%s%s", swipe ? "◀ " : "", a);
  label_b = g_strdup_printf ("%s%s", b, swipe ? " ▶" : "");
  gtk_label_set_text (self->label_a, label_a);
  gtk_label_set_text (self->label_b, label_b);
}

static void
bind_viewports (DmComparison *self)
{
  ShumateViewport *a = shumate_layer_get_viewport (SHUMATE_LAYER (self->overlay));
  ShumateViewport *b = shumate_simple_map_get_viewport (self->second_map);
  const char *props[] = { "zoom-level", "latitude", "longitude", "rotation" };

  /* Zoom first, so B does not pan at the wrong zoom for one frame. */
  for (guint i = 0; i < G_N_ELEMENTS (props); i++)
    g_ptr_array_add (self->view_bindings,
                     g_object_bind_property (a, props[i], b, props[i],
                                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
}

/* Rebuilds the second map or layer for the current mode. */
static void
apply_mode (DmComparison *self)
{
  gboolean comparing = dm_comparison_get_active (self);
  gboolean side = comparing && self->mode == DM_COMPARE_SIDE;
  gboolean swipe = comparing && !side;

  clear_overlay_b (self);
  gtk_widget_set_visible (GTK_WIDGET (self->second_map), side);
  gtk_widget_set_visible (self->handle, swipe);
  gtk_widget_set_visible (GTK_WIDGET (self->label_a), comparing);
  gtk_widget_set_visible (GTK_WIDGET (self->label_b), comparing);

  if (side)
    {
      shumate_scale_set_unit (shumate_simple_map_get_scale (self->second_map),
                              SHUMATE_UNIT_METRIC);
      self->overlay_b = dm_overlay_layer_new (shumate_simple_map_get_viewport (self->second_map),
                                              self->scene_b);
      shumate_simple_map_add_overlay_layer (self->second_map, SHUMATE_LAYER (self->overlay_b));
      bind_viewports (self);
    }
  else if (swipe)
    {
      self->overlay_b = dm_overlay_layer_new (shumate_layer_get_viewport (SHUMATE_LAYER (self->overlay)),
                                              self->scene_b);
      shumate_simple_map_add_overlay_layer (first_map (self), SHUMATE_LAYER (self->overlay_b));
    }

  update_labels (self);
  update_swipe_clip (self);
  if (self->side_by_side != side)
    {
      self->side_by_side = side;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDE_BY_SIDE]);
    }
}

/* Drops what is compared, without relaying out. */
static void
clear (DmComparison *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  unbind_all (self->follow);
  g_clear_pointer (&self->date, g_free);
  g_clear_object (&self->scenario_b);
  dm_scene_set_compare (self->scene, NULL);
  dm_scene_set_compare (self->scene_b, NULL);
  dm_scene_set_scenario (self->scene_b, NULL);
  dm_scene_set_partition (self->scene_b, NULL);
}

static void
changed (DmComparison *self,
         gboolean      was_active,
         DmScene      *was_compared)
{
  apply_mode (self);
  if (was_active != dm_comparison_get_active (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
  if (was_compared != dm_comparison_get_compared_scene (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARED_SCENE]);
}

static void day_loaded_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data);

/* Another proposal: on the same day, or with own days on, on its own;
 * NULL ends the comparison. */
void
dm_comparison_show_proposal (DmComparison *self,
                             DmProposal   *proposal)
{
  gboolean was_active;
  DmScene *was_compared;

  g_return_if_fail (DM_IS_COMPARISON (self));

  was_active = dm_comparison_get_active (self);
  was_compared = dm_comparison_get_compared_scene (self);
  clear (self);
  if (proposal != NULL)
    {
      g_autofree char *day = self->own_days && self->catalog != NULL
                             ? dm_catalog_proposal_day (self->catalog, proposal, NULL) : NULL;
      const DmControlInfo *info = day ? dm_catalog_resolve_date (self->catalog, day, NULL, NULL)
                                      : NULL;

      self->scenario_b = dm_scenario_new (proposal);
      dm_scene_set_scenario (self->scene_b, self->scenario_b);
      dm_scene_set_compare (self->scene, self->scenario_b);
      /* Its own day's line, or (a baseline, the switch off) the first map's. */
      if (info != NULL)
        {
          self->cancellable = g_cancellable_new ();
          dm_load_day_async (self->catalog, dm_scene_get_geodata (self->scene), info->date,
                             self->cancellable, day_loaded_cb, g_object_ref (self));
        }
      else
        g_ptr_array_add (self->follow,
                         g_object_bind_property (self->scene, "partition", self->scene_b,
                                                 "partition", G_BINDING_SYNC_CREATE));
      g_ptr_array_add (self->follow,
                       g_object_bind_property (self->scene, "scenario", self->scene_b,
                                               "compare", G_BINDING_SYNC_CREATE));
    }
  changed (self, was_active, was_compared);
}

static void
day_loaded_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(DmComparison) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DmPartition) partition = dm_load_day_finish (result, &error);

  if (partition == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[ERROR], 0, error->message);
      return;
    }
  dm_scene_set_partition (self->scene_b, partition);
  update_labels (self);
}

/* The same scenario, edits included, against the line of another day. */
void
dm_comparison_show_day (DmComparison *self,
                        DmCatalog    *catalog,
                        const char   *date)
{
  gboolean was_active;
  DmScene *was_compared;

  g_return_if_fail (DM_IS_COMPARISON (self));
  g_return_if_fail (date != NULL);

  was_active = dm_comparison_get_active (self);
  was_compared = dm_comparison_get_compared_scene (self);
  clear (self);
  self->date = g_strdup (date);
  g_ptr_array_add (self->follow,
                   g_object_bind_property (self->scene, "scenario", self->scene_b, "scenario",
                                           G_BINDING_SYNC_CREATE));
  self->cancellable = g_cancellable_new ();
  dm_load_day_async (catalog, dm_scene_get_geodata (self->scene), date, self->cancellable,
                     day_loaded_cb, g_object_ref (self));
  changed (self, was_active, was_compared);
}

static gboolean
get_child_position_cb (DmComparison *self,
                       GtkWidget    *child,
                       GdkRectangle *allocation,
                       GtkOverlay   *overlay)
{
  int width = gtk_widget_get_width (GTK_WIDGET (overlay));
  int height = gtk_widget_get_height (GTK_WIDGET (overlay));

  if (child == GTK_WIDGET (self->label_a) || child == GTK_WIDGET (self->label_b))
    {
      gboolean swipe = self->mode == DM_COMPARE_SWIPE;
      gboolean is_a = child == GTK_WIDGET (self->label_a);
      /* Each name keeps to its own map (side by side) or its side of the
       * divider, centred there, and wraps rather than cross into the
       * other's: large type in presentation does not fit on one line. */
      double split = swipe ? self->divider : 0.5;
      int from = is_a ? 0 : (int) (width * split), to = is_a ? (int) (width * split) : width;
      int room = MAX (1, to - from - 12);
      int min_w, w, h;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &w, NULL, NULL);
      w = MAX (min_w, MIN (w, room));
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);
      allocation->x = CLAMP ((from + to) / 2 - w / 2, 0, MAX (0, width - w));
      /* Presenting, the title and caption take the top and the legend the
       * top left: the names go to the bottom, over the Black Sea. */
      allocation->y = self->title != NULL && gtk_widget_get_visible (self->title)
                      ? MAX (0, height - h - 40) : 12;
      allocation->width = w;
      allocation->height = h;
      return TRUE;
    }
  if (child != self->handle)
    return FALSE;
  allocation->x = (int) (width * self->divider) - HANDLE_WIDTH / 2;
  allocation->y = 0;
  allocation->width = HANDLE_WIDTH;
  allocation->height = height;
  return TRUE;
}

static void
handle_drag_begin_cb (DmComparison   *self,
                      double          x,
                      double          y,
                      GtkGestureDrag *gesture)
{
  self->drag_start = self->divider;
}

static void
handle_drag_update_cb (DmComparison   *self,
                       double          dx,
                       double          dy,
                       GtkGestureDrag *gesture)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self->map_overlay));

  if (width > 0)
    dm_comparison_set_divider (self, self->drag_start + dx / width);
}

static void
dm_comparison_dispose (GObject *object)
{
  DmComparison *self = DM_COMPARISON (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->view_bindings != NULL)
    clear_overlay_b (self);
  g_clear_pointer (&self->follow, g_ptr_array_unref);
  g_clear_pointer (&self->view_bindings, g_ptr_array_unref);
  g_clear_object (&self->scenario_b);
  g_clear_object (&self->scene_b);
  g_clear_object (&self->scene);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->catalog, dm_catalog_unref);
  self->overlay = NULL;
  self->map_overlay = NULL;
  self->second_map = NULL;
  self->handle = NULL;
  self->label_a = self->label_b = NULL;
  self->title = NULL;
  G_OBJECT_CLASS (dm_comparison_parent_class)->dispose (object);
}

static void
dm_comparison_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DmComparison *self = DM_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;
    case PROP_DIVIDER:
      g_value_set_double (value, self->divider);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, dm_comparison_get_active (self));
      break;
    case PROP_SIDE_BY_SIDE:
      g_value_set_boolean (value, self->side_by_side);
      break;
    case PROP_COMPARED_SCENE:
      g_value_set_object (value, dm_comparison_get_compared_scene (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_comparison_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  DmComparison *self = DM_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_MODE:
      dm_comparison_set_mode (self, g_value_get_enum (value));
      break;
    case PROP_DIVIDER:
      dm_comparison_set_divider (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_comparison_class_init (DmComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dm_comparison_dispose;
  object_class->get_property = dm_comparison_get_property;
  object_class->set_property = dm_comparison_set_property;

  /* Two maps side by side, or one map with a divider. */
  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL, DM_TYPE_COMPARE_MODE, DM_COMPARE_SIDE,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Where the swipe divider stands, as a fraction of the width. */
  properties[PROP_DIVIDER] =
    g_param_spec_double ("divider", NULL, NULL, 0.02, 0.98, 0.5,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Something is compared: a proposal or a day. */
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The second map is shown. */
  properties[PROP_SIDE_BY_SIDE] =
    g_param_spec_boolean ("side-by-side", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The second proposal's scene when comparing proposals; NULL otherwise
   * (two days of one scenario share their styles, nothing is outlined). */
  properties[PROP_COMPARED_SCENE] =
    g_param_spec_object ("compared-scene", NULL, NULL, DM_TYPE_SCENE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* (message): the second day could not be loaded. */
  signals[ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
dm_comparison_init (DmComparison *self)
{
  self->divider = 0.5;
  self->follow = g_ptr_array_new ();
  self->view_bindings = g_ptr_array_new ();
}

/* scene and overlay are the first map's; the widgets are the window's
 * second map, divider handle and the two maps' labels, which the
 * comparison shows, hides and places. */
DmComparison *
dm_comparison_new (DmScene          *scene,
                   DmOverlayLayer   *overlay,
                   GtkOverlay       *map_overlay,
                   ShumateSimpleMap *second_map,
                   GtkWidget        *handle,
                   GtkLabel         *label_a,
                   GtkLabel         *label_b)
{
  DmComparison *self = g_object_new (DM_TYPE_COMPARISON, NULL);
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->scene = g_object_ref (scene);
  self->overlay = overlay;
  self->map_overlay = map_overlay;
  self->second_map = second_map;
  self->handle = handle;
  self->label_a = label_a;
  self->label_b = label_b;
  for (guint i = 0; i < 2; i++)
    {
      gtk_label_set_wrap (i == 0 ? label_a : label_b, TRUE);
      gtk_label_set_justify (i == 0 ? label_a : label_b, GTK_JUSTIFY_CENTER);
    }

  /* The second map draws as the first does, whatever changes it. */
  self->scene_b = dm_scene_new (NULL);
  g_object_bind_property (scene, "geodata", self->scene_b, "geodata", G_BINDING_SYNC_CREATE);
  dm_scene_follow (self->scene_b, scene);

  g_signal_connect_object (scene, "notify::scenario", G_CALLBACK (update_labels), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (scene, "notify::partition", G_CALLBACK (update_labels), self,
                           G_CONNECT_SWAPPED);
  /* After a binding has passed the first map's day on to the second. */
  g_signal_connect_object (self->scene_b, "notify::partition", G_CALLBACK (update_labels), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (map_overlay, "get-child-position",
                           G_CALLBACK (get_child_position_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (handle_drag_begin_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (handle_drag_update_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (handle, GTK_EVENT_CONTROLLER (drag));
  return self;
}

DmCompareMode
dm_comparison_get_mode (DmComparison *self)
{
  g_return_val_if_fail (DM_IS_COMPARISON (self), DM_COMPARE_SIDE);
  return self->mode;
}

void
dm_comparison_set_mode (DmComparison  *self,
                        DmCompareMode  mode)
{
  g_return_if_fail (DM_IS_COMPARISON (self));

  if (self->mode == mode)
    return;
  self->mode = mode;
  if (self->overlay != NULL)
    apply_mode (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

double
dm_comparison_get_divider (DmComparison *self)
{
  g_return_val_if_fail (DM_IS_COMPARISON (self), 0.5);
  return self->divider;
}

void
dm_comparison_set_divider (DmComparison *self,
                           double        divider)
{
  g_return_if_fail (DM_IS_COMPARISON (self));

  divider = CLAMP (divider, 0.02, 0.98);
  if (self->divider == divider)
    return;
  self->divider = divider;
  update_swipe_clip (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIVIDER]);
}

gboolean
dm_comparison_get_active (DmComparison *self)
{
  g_return_val_if_fail (DM_IS_COMPARISON (self), FALSE);
  return self->scenario_b != NULL || self->date != NULL;
}

gboolean
dm_comparison_get_side_by_side (DmComparison *self)
{
  g_return_val_if_fail (DM_IS_COMPARISON (self), FALSE);
  return self->side_by_side;
}

/* The second map's scene, comparing or not. */
DmScene *
dm_comparison_get_scene (DmComparison *self)
{
  g_return_val_if_fail (DM_IS_COMPARISON (self), NULL);
  return self->scene_b;
}

DmScene *
dm_comparison_get_compared_scene (DmComparison *self)
{
  g_return_val_if_fail (DM_IS_COMPARISON (self), NULL);
  return self->scenario_b != NULL ? self->scene_b : NULL;
}

/* What the second map shows: the other proposal, or the same scenario on
 * another day; NULL without a comparison. */
DmScenario *
dm_comparison_get_scenario (DmComparison *self)
{
  g_return_val_if_fail (DM_IS_COMPARISON (self), NULL);
  return dm_comparison_get_active (self) ? dm_scene_get_scenario (self->scene_b) : NULL;
}

/* The other proposal when comparing proposals; NULL otherwise. */
DmScenario *
dm_comparison_get_compared_scenario (DmComparison *self)
{
  g_return_val_if_fail (DM_IS_COMPARISON (self), NULL);
  return self->scenario_b;
}

/* The day compared, or NULL. */
const char *
dm_comparison_get_date (DmComparison *self)
{
  g_return_val_if_fail (DM_IS_COMPARISON (self), NULL);
  return self->date;
}

/* What "Compare with" names: the day, or the other proposal's id. */
const char *
dm_comparison_get_target (DmComparison *self)
{
  g_return_val_if_fail (DM_IS_COMPARISON (self), NULL);
  if (self->date != NULL)
    return self->date;
  return self->scenario_b ? dm_proposal_get_id (dm_scenario_get_proposal (self->scenario_b))
                          : NULL;
}

/* With own days on, a compared proposal is shown against the line of the
 * day it was made, as the first map's is; the labels say which day. */
void
dm_comparison_set_own_days (DmComparison *self,
                            DmCatalog    *catalog,
                            gboolean      own_days)
{
  g_return_if_fail (DM_IS_COMPARISON (self));

  if (catalog != self->catalog)
    {
      g_clear_pointer (&self->catalog, dm_catalog_unref);
      self->catalog = catalog ? dm_catalog_ref (catalog) : NULL;
    }
  own_days = !!own_days;
  if (self->own_days == own_days)
    return;
  self->own_days = own_days;
  if (self->scenario_b != NULL)
    {
      g_autoptr(DmScenario) again = g_object_ref (self->scenario_b);

      dm_comparison_show_proposal (self, dm_scenario_get_proposal (again));
    }
}

/* A widget over the top of the maps (presentation's title): while it is
 * shown, the maps' names sit below it. */
void
dm_comparison_set_title_widget (DmComparison *self,
                                GtkWidget    *title)
{
  g_return_if_fail (DM_IS_COMPARISON (self));
  self->title = title;
  if (self->map_overlay != NULL)
    gtk_widget_queue_allocate (GTK_WIDGET (self->map_overlay));
}

ShumateSimpleMap *
dm_comparison_get_second_map (DmComparison *self)
{
  g_return_val_if_fail (DM_IS_COMPARISON (self), NULL);
  return self->second_map;
}

/* The second layer when x (in map's pixels) falls on it: the second map,
 * or right of the divider; NULL for the first map's own layer. */
DmOverlayLayer *
dm_comparison_pick_layer (DmComparison *self,
                          GtkWidget    *map,
                          double        x)
{
  g_return_val_if_fail (DM_IS_COMPARISON (self), NULL);

  if (self->overlay_b == NULL)
    return NULL;
  if (map == GTK_WIDGET (self->second_map))
    return self->overlay_b;
  if (self->mode == DM_COMPARE_SWIPE && x >= gtk_widget_get_width (map) * self->divider)
    return self->overlay_b;
  return NULL;
}
