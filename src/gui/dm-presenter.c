/* dm-presenter.c: presentation mode (full screen, large type, clicker keys), the cross-fade between proposals, and lesson playback. */
#include "config.h"

#include <glib/gi18n.h>

#include "dm-presenter.h"
#include "dm-window-private.h"

#define FADE_USEC (350 * 1000)

struct _DmPresenter
{
  GObject         parent_instance;
  DmWindow       *window;     /* owns us */
  DmScene        *scene;
  DmOverlayLayer *overlay;
  GtkRevealer    *header_revealer;
  GtkLabel       *title;

  gboolean        presenting;
  gboolean        sidebar_before;
  gboolean        places_before;

  /* Cross-fade between proposals: the scenario shown before fades out. */
  DmScenario     *shown;
  DmScenario     *fade_from;
  gint64          fade_start;
  guint           fade_tick;

  DmLesson       *lesson;
  guint           lesson_step;
};

G_DEFINE_FINAL_TYPE (DmPresenter, dm_presenter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PRESENTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
fade_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  DmPresenter *self = user_data;
  double t = (double) (gdk_frame_clock_get_frame_time (clock) - self->fade_start) / FADE_USEC;

  if (t >= 1.0)
    {
      dm_overlay_layer_set_fade (self->overlay, NULL, 1.0);
      g_clear_object (&self->fade_from);
      self->fade_tick = 0;
      return G_SOURCE_REMOVE;
    }
  dm_overlay_layer_set_fade (self->overlay, self->fade_from, t);
  return G_SOURCE_CONTINUE;
}

/* In presentation mode a new proposal animates: the old styles fade out. */
static void
scenario_changed_cb (DmPresenter *self)
{
  DmScenario *scenario = dm_scene_get_scenario (self->scene);

  if (self->presenting && self->shown != NULL && scenario != self->shown)
    {
      g_set_object (&self->fade_from, self->shown);
      self->fade_start = g_get_monotonic_time ();
      if (self->fade_tick == 0)
        self->fade_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->overlay), fade_tick_cb,
                                                        self, NULL);
    }
  g_set_object (&self->shown, scenario);
  dm_presenter_update_title (self);
}

/* The title over the map, with the lesson step's caption under it. */
void
dm_presenter_update_title (DmPresenter *self)
{
  DmScenario *scenario = dm_scene_get_scenario (self->scene);
  g_autofree char *title = NULL;

  if (scenario == NULL)
    return;
  title = dm_scenario_get_title (scenario);
  if (self->lesson != NULL && self->presenting)
    {
      DmLessonStep *step = g_ptr_array_index (self->lesson->steps, self->lesson_step);

      if (step->caption != NULL)
        {
          g_autofree char *with_caption = g_strdup_printf ("%s\n%s", title, step->caption);

          gtk_label_set_text (self->title, with_caption);
          return;
        }
    }
  gtk_label_set_text (self->title, title);
}

static gboolean
key_pressed_cb (DmPresenter           *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  if (!self->presenting)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Escape:
    case GDK_KEY_F5:
      dm_presenter_set_presenting (self, FALSE);
      return TRUE;
    /* Presentation clickers send Page Up/Down (some send arrows or space). */
    case GDK_KEY_Page_Down:
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_space:
    case GDK_KEY_n:
      _dm_window_step_proposal (self->window, +1);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_BackSpace:
    case GDK_KEY_p:
      _dm_window_step_proposal (self->window, -1);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
apply_step (DmPresenter *self)
{
  DmLessonStep *step = g_ptr_array_index (self->lesson->steps, self->lesson_step);
  DmWindow *window = self->window;
  DmProposal *proposal = dm_catalog_find_proposal (window->catalog, step->proposal);

  if (proposal != NULL)
    _dm_window_set_proposal (window, proposal);
  dm_window_compare_with (window, step->compare);
  if (step->control_date != NULL)
    dm_window_set_control_date (window, step->control_date);
  if (step->has_view)
    shumate_map_go_to_full (shumate_simple_map_get_map (window->map), step->lat, step->lon,
                            step->zoom);
  dm_presenter_update_title (self);
}

static void
dm_presenter_dispose (GObject *object)
{
  DmPresenter *self = DM_PRESENTER (object);

  if (self->fade_tick != 0 && self->overlay != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->overlay), self->fade_tick);
  self->fade_tick = 0;
  g_clear_object (&self->fade_from);
  g_clear_object (&self->shown);
  g_clear_object (&self->scene);
  g_clear_pointer (&self->lesson, dm_lesson_free);
  self->overlay = NULL;
  self->window = NULL;
  G_OBJECT_CLASS (dm_presenter_parent_class)->dispose (object);
}

static void
dm_presenter_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DmPresenter *self = DM_PRESENTER (object);

  switch (prop_id)
    {
    case PROP_PRESENTING:
      g_value_set_boolean (value, self->presenting);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_presenter_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  DmPresenter *self = DM_PRESENTER (object);

  switch (prop_id)
    {
    case PROP_PRESENTING:
      dm_presenter_set_presenting (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_presenter_class_init (DmPresenterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dm_presenter_dispose;
  object_class->get_property = dm_presenter_get_property;
  object_class->set_property = dm_presenter_set_property;

  /* Full screen, large type, no sidebar; win.present toggles it. */
  properties[PROP_PRESENTING] =
    g_param_spec_boolean ("presenting", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dm_presenter_init (DmPresenter *self)
{
}

DmPresenter *
dm_presenter_new (DmWindow       *window,
                  DmScene        *scene,
                  DmOverlayLayer *overlay)
{
  DmPresenter *self = g_object_new (DM_TYPE_PRESENTER, NULL);
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->window = window;
  self->scene = g_object_ref (scene);
  self->overlay = overlay;
  self->header_revealer = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                       DM_TYPE_WINDOW,
                                                                       "header_revealer"));
  self->title = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (window), DM_TYPE_WINDOW,
                                                          "present_title"));
  g_signal_connect_object (scene, "notify::scenario", G_CALLBACK (scenario_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* Capture phase: in presentation mode the arrows step proposals before
   * the map would pan with them. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (window), keys);
  return self;
}

gboolean
dm_presenter_get_presenting (DmPresenter *self)
{
  g_return_val_if_fail (DM_IS_PRESENTER (self), FALSE);
  return self->presenting;
}

void
dm_presenter_set_presenting (DmPresenter *self,
                             gboolean     presenting)
{
  DmWindow *window;

  g_return_if_fail (DM_IS_PRESENTER (self));

  presenting = !!presenting;
  if (self->presenting == presenting || self->window == NULL)
    return;
  self->presenting = presenting;
  window = self->window;

  if (presenting)
    {
      self->sidebar_before = adw_flap_get_reveal_flap (window->flap);
      self->places_before = dm_scene_get_show_places (self->scene);
      adw_flap_set_reveal_flap (window->flap, FALSE);
      gtk_window_fullscreen (GTK_WINDOW (window));
      gtk_widget_add_css_class (GTK_WIDGET (window), "dm-presenting");
    }
  else
    {
      adw_flap_set_reveal_flap (window->flap, self->sidebar_before);
      gtk_window_unfullscreen (GTK_WINDOW (window));
      gtk_widget_remove_css_class (GTK_WIDGET (window), "dm-presenting");
    }
  /* Every map follows the scene: large type, no town names. */
  dm_scene_set_text_scale (self->scene, presenting ? 1.7 : 1.0);
  dm_scene_set_show_places (self->scene, presenting ? FALSE : self->places_before);
  gtk_revealer_set_reveal_child (self->header_revealer, !presenting);
  gtk_widget_set_visible (GTK_WIDGET (self->title), presenting);
  shumate_simple_map_set_show_zoom_buttons (window->map, !presenting);
  shumate_simple_map_set_show_zoom_buttons (dm_comparison_get_second_map (window->comparison),
                                            !presenting);
  /* The title takes the top centre; the legend stays top left below it. */
  gtk_widget_set_margin_top (GTK_WIDGET (window->legend), presenting ? 84 : 12);
  gtk_widget_grab_focus (GTK_WIDGET (window->map));
  dm_presenter_update_title (self);
  /* The window resizes on (un)fullscreen; frame the regions again after. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, (GSourceFunc) _dm_window_zoom_home_idle,
                   g_object_ref (window), g_object_unref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTING]);
}

/* The lesson being built or played; with create, a new empty one if none. */
DmLesson *
dm_presenter_get_lesson (DmPresenter *self,
                         gboolean     create)
{
  g_return_val_if_fail (DM_IS_PRESENTER (self), NULL);

  if (self->lesson == NULL && create)
    self->lesson = dm_lesson_new (_("Lesson"));
  return self->lesson;
}

/* Takes lesson, presents, and shows its first step. */
void
dm_presenter_play_lesson (DmPresenter *self,
                          DmLesson    *lesson)
{
  g_return_if_fail (DM_IS_PRESENTER (self));
  g_return_if_fail (lesson != NULL && lesson->steps->len > 0);

  g_clear_pointer (&self->lesson, dm_lesson_free);
  self->lesson = lesson;
  self->lesson_step = 0;
  dm_presenter_set_presenting (self, TRUE);
  apply_step (self);
}

guint
dm_presenter_get_lesson_step (DmPresenter *self)
{
  g_return_val_if_fail (DM_IS_PRESENTER (self), 0);
  return self->lesson_step;
}

/* In presentation mode with a lesson open, stepping walks its steps;
 * FALSE when there is no lesson to walk. */
gboolean
dm_presenter_step_lesson (DmPresenter *self,
                          int          delta)
{
  int n;

  g_return_val_if_fail (DM_IS_PRESENTER (self), FALSE);

  if (self->lesson == NULL || !self->presenting || self->lesson->steps->len == 0)
    return FALSE;
  n = self->lesson->steps->len;
  self->lesson_step = (self->lesson_step + n + delta) % n;
  apply_step (self);
  return TRUE;
}
