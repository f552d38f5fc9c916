/* dm-annotation-layer.c: paints annotations above the overlay; in Annotate mode a click adds one, a drag moves it (an arrow's head alone), a click on the selected one edits it. */
#include "config.h"

#include <glib/gi18n.h>

#include "dm-annotation-draw.h"
#include "dm-annotation-layer.h"
#include "dm-annotation-popover.h"
#include "dm-shape.h"

struct _DmAnnotationLayer
{
  ShumateLayer         parent_instance;
  DmScene             *scene;
  DmAnnotationList    *list;       /* the scene's scenario's */
  DmAnnotationHistory *history;
  GtkWidget           *map;        /* weak: where the gestures are */
  GtkGesture          *drag;
  DmAnnotationPopover *popover;
  gboolean             editing;
  int                  selected;   /* -1: none */

  /* The press being handled. */
  int                  press_index;  /* hit at the press, or -1 */
  DmAnnotationHit      press_hit;
  gboolean             was_selected;
  DmAnnotation        *press_start;  /* the annotation as it was */
  gboolean             moving;
  int                  editing_index;  /* in the popover, or -1 */
};

G_DEFINE_FINAL_TYPE (DmAnnotationLayer, dm_annotation_layer, SHUMATE_TYPE_LAYER)

enum {
  PROP_0,
  PROP_EDITING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
get_view (DmAnnotationLayer *self,
          DmView            *view)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  ShumateLocation *location = SHUMATE_LOCATION (viewport);

  dm_lonlat_to_world (shumate_location_get_longitude (location),
                      shumate_location_get_latitude (location),
                      &view->center_x, &view->center_y);
  view->zoom = shumate_viewport_get_zoom_level (viewport);
  view->width = gtk_widget_get_width (GTK_WIDGET (self));
  view->height = gtk_widget_get_height (GTK_WIDGET (self));
  view->scale = 1.0;
}

static void
px_to_lonlat (DmAnnotationLayer *self,
              double             x,
              double             y,
              double            *lon,
              double            *lat)
{
  DmView view;
  double wx, wy;

  get_view (self, &view);
  dm_view_from_px (&view, x, y, &wx, &wy);
  dm_world_to_lonlat (CLAMP (wx, 0, 1), CLAMP (wy, 0, 1), lon, lat);
  *lon = CLAMP (*lon, -180, 180);
  *lat = CLAMP (*lat, -85, 85);
}

static void
lonlat_to_px (DmAnnotationLayer *self,
              double             lon,
              double             lat,
              double            *x,
              double            *y)
{
  DmView view;
  double wx, wy;

  get_view (self, &view);
  dm_lonlat_to_world (lon, lat, &wx, &wy);
  dm_view_to_px (&view, wx, wy, x, y);
}

static void
set_selected (DmAnnotationLayer *self,
              int                selected)
{
  if (self->selected == selected)
    return;
  self->selected = selected;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
list_changed_cb (DmAnnotationLayer *self)
{
  if (self->list == NULL || self->selected >= (int) dm_annotation_list_get_n (self->list))
    self->selected = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A proposal picked in the sidebar is a new scenario with no annotations:
 * the desk's labels stay on the map, the same list (and undo) carried
 * over. A scenario that brings its own (an opened file) replaces them. */
static void
scenario_changed_cb (DmAnnotationLayer *self)
{
  DmScenario *scenario = dm_scene_get_scenario (self->scene);
  DmAnnotationList *list = scenario != NULL ? dm_scenario_get_annotations (scenario) : NULL;

  if (list != NULL && self->list != NULL && list != self->list &&
      dm_annotation_list_get_n (list) == 0)
    {
      dm_scenario_set_annotations (scenario, self->list);
      return;
    }
  if (list == self->list)
    return;
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_func (self->list, list_changed_cb, self);
  g_set_object (&self->list, list);
  if (list != NULL)
    g_signal_connect_object (list, "changed", G_CALLBACK (list_changed_cb), self,
                             G_CONNECT_SWAPPED);
  dm_annotation_history_set_list (self->history, list);
  self->selected = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- editing ----------------------------------------------------------- */

static void
popover_edited_cb (DmAnnotationLayer *self)
{
  g_autoptr(DmAnnotation) a = NULL;

  if (self->list == NULL || self->editing_index < 0 ||
      self->editing_index >= (int) dm_annotation_list_get_n (self->list))
    return;
  a = dm_annotation_copy (dm_annotation_list_get (self->list, self->editing_index));
  g_free (a->text);
  a->text = g_strdup (dm_annotation_popover_get_text (self->popover));
  if (a->kind != DM_ANNOTATION_ARROW &&
      dm_annotation_popover_get_kind (self->popover) == DM_ANNOTATION_ARROW &&
      a->to_lon == a->lon && a->to_lat == a->lat)
    {
      /* A new arrow points somewhere visible: down and right of its tail. */
      double x, y;

      lonlat_to_px (self, a->lon, a->lat, &x, &y);
      px_to_lonlat (self, x + 90, y + 60, &a->to_lon, &a->to_lat);
    }
  a->kind = dm_annotation_popover_get_kind (self->popover);
  dm_annotation_list_replace (self->list, self->editing_index, a);
}

static void
popover_delete_cb (DmAnnotationLayer *self)
{
  if (self->list != NULL && self->editing_index >= 0)
    dm_annotation_list_remove (self->list, self->editing_index);
  self->editing_index = -1;
}

/* An annotation left without text is not kept; an edit that changed
 * nothing leaves no undo step. */
static void
popover_closed_cb (DmAnnotationLayer *self)
{
  int index = self->editing_index;

  self->editing_index = -1;
  if (self->list != NULL && index >= 0 && index < (int) dm_annotation_list_get_n (self->list))
    {
      const DmAnnotation *a = dm_annotation_list_get (self->list, index);

      if (a->kind != DM_ANNOTATION_ARROW && (a->text == NULL || *a->text == '\0'))
        dm_annotation_list_remove (self->list, index);
    }
  dm_annotation_history_drop_if_unchanged (self->history);
}

/* checkpoint is FALSE right after an add, which made the undo step. */
static void
edit (DmAnnotationLayer *self,
      int                index,
      gboolean           checkpoint)
{
  const DmAnnotation *a = dm_annotation_list_get (self->list, index);
  GdkRectangle rect;
  double x, y;

  if (self->popover == NULL)
    {
      self->popover = dm_annotation_popover_new ();
      gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self));
      g_signal_connect_object (self->popover, "edited", G_CALLBACK (popover_edited_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->popover, "delete", G_CALLBACK (popover_delete_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->popover, "closed", G_CALLBACK (popover_closed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  if (checkpoint)
    dm_annotation_history_checkpoint (self->history);
  self->editing_index = index;
  lonlat_to_px (self, a->lon, a->lat, &x, &y);
  rect = (GdkRectangle) { (int) x - 4, (int) y - 4, 8, 8 };
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &rect);
  dm_annotation_popover_set (self->popover, a);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
drag_begin_cb (DmAnnotationLayer *self,
               double             x,
               double             y)
{
  DmView view;

  self->moving = FALSE;
  g_clear_pointer (&self->press_start, dm_annotation_free);
  if (!self->editing || self->list == NULL)
    {
      gtk_gesture_set_state (self->drag, GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  get_view (self, &view);
  self->press_index = dm_annotations_hit (self->list, &view, x, y, &self->press_hit);
  if (self->press_index < 0)
    return;  /* unclaimed: the map pans as usual, and a click adds */
  /* Claimed: the map does not pan under a moved annotation. */
  gtk_gesture_set_state (self->drag, GTK_EVENT_SEQUENCE_CLAIMED);
  self->was_selected = self->selected == self->press_index;
  set_selected (self, self->press_index);
  self->press_start = dm_annotation_copy (dm_annotation_list_get (self->list, self->press_index));
  dm_annotation_history_checkpoint (self->history);
}

static void
drag_update_cb (DmAnnotationLayer *self,
                double             dx,
                double             dy)
{
  g_autoptr(DmAnnotation) a = NULL;
  double x, y, lon, lat;

  if (self->press_start == NULL)
    return;
  if (!self->moving && dx * dx + dy * dy < 9)
    return;
  self->moving = TRUE;
  a = dm_annotation_copy (self->press_start);
  if (self->press_hit == DM_ANNOTATION_HIT_HEAD)
    {
      lonlat_to_px (self, a->to_lon, a->to_lat, &x, &y);
      px_to_lonlat (self, x + dx, y + dy, &a->to_lon, &a->to_lat);
    }
  else
    {
      lonlat_to_px (self, a->lon, a->lat, &x, &y);
      px_to_lonlat (self, x + dx, y + dy, &lon, &lat);
      dm_annotation_offset (a, lon - a->lon, lat - a->lat);
    }
  dm_annotation_list_replace (self->list, self->press_index, a);
}

static void
drag_end_cb (DmAnnotationLayer *self,
             double             dx,
             double             dy)
{
  double x, y;
  gboolean click = dx * dx + dy * dy < 9;

  if (!self->editing || self->list == NULL)
    return;
  if (self->press_start != NULL)
    {
      g_clear_pointer (&self->press_start, dm_annotation_free);
      dm_annotation_history_drop_if_unchanged (self->history);
      /* A click on the annotation already selected edits it. */
      if (click && self->was_selected && !self->moving)
        edit (self, self->press_index, TRUE);
      return;
    }
  if (!click)
    return;
  gtk_gesture_drag_get_start_point (GTK_GESTURE_DRAG (self->drag), &x, &y);
  if (self->selected >= 0)
    {
      /* The first click away from a selection only clears it. */
      set_selected (self, -1);
      return;
    }
  if (dm_annotation_layer_add_at (self, DM_ANNOTATION_CALLOUT, "", x, y) >= 0)
    edit (self, self->selected, FALSE);
}

/* ---- painting ----------------------------------------------------------- */

static void
dm_annotation_layer_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  DmAnnotationLayer *self = DM_ANNOTATION_LAYER (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  DmView view;
  cairo_t *cr;

  if (self->list == NULL || dm_annotation_list_get_n (self->list) == 0 || width <= 0 ||
      height <= 0)
    return;
  get_view (self, &view);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  dm_annotations_draw (cr, &view, self->list, self->editing ? self->selected : -1);
  cairo_destroy (cr);
}

static void
dm_annotation_layer_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  DmAnnotationLayer *self = DM_ANNOTATION_LAYER (widget);

  GTK_WIDGET_CLASS (dm_annotation_layer_parent_class)->size_allocate (widget, width, height,
                                                                      baseline);
  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
viewport_changed_cb (DmAnnotationLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
dm_annotation_layer_constructed (GObject *object)
{
  DmAnnotationLayer *self = DM_ANNOTATION_LAYER (object);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));

  G_OBJECT_CLASS (dm_annotation_layer_parent_class)->constructed (object);
  g_signal_connect_object (viewport, "notify::latitude", G_CALLBACK (viewport_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::longitude", G_CALLBACK (viewport_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::zoom-level", G_CALLBACK (viewport_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
dm_annotation_layer_dispose (GObject *object)
{
  DmAnnotationLayer *self = DM_ANNOTATION_LAYER (object);

  if (self->map != NULL && self->drag != NULL)
    gtk_widget_remove_controller (self->map, GTK_EVENT_CONTROLLER (self->drag));
  self->drag = NULL;
  g_clear_weak_pointer (&self->map);
  if (self->popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->popover));
  self->popover = NULL;
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_func (self->list, list_changed_cb, self);
  g_clear_object (&self->list);
  g_clear_object (&self->history);
  g_clear_object (&self->scene);
  g_clear_pointer (&self->press_start, dm_annotation_free);
  G_OBJECT_CLASS (dm_annotation_layer_parent_class)->dispose (object);
}

static void
dm_annotation_layer_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DmAnnotationLayer *self = DM_ANNOTATION_LAYER (object);

  switch (prop_id)
    {
    case PROP_EDITING:
      g_value_set_boolean (value, self->editing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_annotation_layer_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DmAnnotationLayer *self = DM_ANNOTATION_LAYER (object);

  switch (prop_id)
    {
    case PROP_EDITING:
      dm_annotation_layer_set_editing (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_annotation_layer_class_init (DmAnnotationLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dm_annotation_layer_constructed;
  object_class->dispose = dm_annotation_layer_dispose;
  object_class->get_property = dm_annotation_layer_get_property;
  object_class->set_property = dm_annotation_layer_set_property;
  widget_class->snapshot = dm_annotation_layer_snapshot;
  widget_class->size_allocate = dm_annotation_layer_size_allocate;

  /* Annotate mode: clicks and drags on the map edit annotations. */
  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dm_annotation_layer_init (DmAnnotationLayer *self)
{
  self->history = dm_annotation_history_new ();
  self->selected = -1;
  self->press_index = -1;
  self->editing_index = -1;
  /* Painting only: the map underneath takes the pointer. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

DmAnnotationLayer *
dm_annotation_layer_new (ShumateMap *map,
                         DmScene    *scene)
{
  DmAnnotationLayer *self;

  g_return_val_if_fail (SHUMATE_IS_MAP (map), NULL);
  g_return_val_if_fail (DM_IS_SCENE (scene), NULL);

  self = g_object_new (DM_TYPE_ANNOTATION_LAYER, "viewport", shumate_map_get_viewport (map), NULL);
  self->scene = g_object_ref (scene);
  g_signal_connect_object (scene, "notify::scenario", G_CALLBACK (scenario_changed_cb), self,
                           G_CONNECT_SWAPPED);
  scenario_changed_cb (self);

  /* Capture phase: a press on an annotation is claimed before the map's
   * own drag would pan. */
  g_set_weak_pointer (&self->map, GTK_WIDGET (map));
  self->drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->drag), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->drag),
                                              GTK_PHASE_CAPTURE);
  g_signal_connect_object (self->drag, "drag-begin", G_CALLBACK (drag_begin_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->drag, "drag-update", G_CALLBACK (drag_update_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->drag, "drag-end", G_CALLBACK (drag_end_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (map), GTK_EVENT_CONTROLLER (self->drag));
  return self;
}

gboolean
dm_annotation_layer_get_editing (DmAnnotationLayer *self)
{
  g_return_val_if_fail (DM_IS_ANNOTATION_LAYER (self), FALSE);
  return self->editing;
}

void
dm_annotation_layer_set_editing (DmAnnotationLayer *self,
                                 gboolean           editing)
{
  g_return_if_fail (DM_IS_ANNOTATION_LAYER (self));
  editing = !!editing;
  if (self->editing == editing)
    return;
  self->editing = editing;
  if (!editing && self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

DmAnnotationHistory *
dm_annotation_layer_get_history (DmAnnotationLayer *self)
{
  return self->history;
}

int
dm_annotation_layer_get_selected (DmAnnotationLayer *self)
{
  return self->selected;
}

int
dm_annotation_layer_add_at (DmAnnotationLayer *self,
                            DmAnnotationKind   kind,
                            const char        *text,
                            double             x,
                            double             y)
{
  g_autoptr(DmAnnotation) a = NULL;
  double lon, lat;

  g_return_val_if_fail (DM_IS_ANNOTATION_LAYER (self), -1);
  if (self->list == NULL || dm_annotation_list_get_n (self->list) >= DM_ANNOTATION_MAX)
    return -1;
  px_to_lonlat (self, x, y, &lon, &lat);
  a = dm_annotation_new (kind, text, lon, lat);
  if (kind == DM_ANNOTATION_ARROW)
    px_to_lonlat (self, x + 90, y + 60, &a->to_lon, &a->to_lat);
  dm_annotation_history_checkpoint (self->history);
  dm_annotation_list_add (self->list, a);
  set_selected (self, dm_annotation_list_get_n (self->list) - 1);
  return self->selected;
}

void
dm_annotation_layer_set_selected (DmAnnotationLayer *self,
                                  int                index)
{
  g_return_if_fail (DM_IS_ANNOTATION_LAYER (self));
  if (self->list == NULL || index < 0 || index >= (int) dm_annotation_list_get_n (self->list))
    index = -1;
  set_selected (self, index);
}

gboolean
dm_annotation_layer_delete_selected (DmAnnotationLayer *self)
{
  g_return_val_if_fail (DM_IS_ANNOTATION_LAYER (self), FALSE);
  if (self->list == NULL || self->selected < 0)
    return FALSE;
  dm_annotation_history_checkpoint (self->history);
  return dm_annotation_list_remove (self->list, self->selected);
}
