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
  GtkWidget      *title_box;
  GtkLabel       *title;
  GtkLabel       *caption;
  GtkLabel       *counter;

  gboolean        presenting;
  gboolean        sidebar_before;
  gboolean        places_before;
  gboolean        following_settings;
  gboolean        map_focusable_before;

  /* Cross-fade between proposals: the scenario shown before fades out. */
  DmScenario     *shown;
  DmScenario     *fade_from;
  gint64          fade_start;
  guint           fade_tick;

  DmLesson       *lesson;
  guint           lesson_step;
  gboolean        playing;      /* presenting the lesson, not proposals */

  /* Notices wait while presenting: a toast over the map's subject, in
   * front of a class, hides what is being shown. */
  GPtrArray      *deferred;
  guint           focus_idle;
  guint           reframe_idle;
  gboolean        reframe_home;
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

/* The title over the map; when a lesson is shown, the step's caption under
 * it, large, and "2 of 5", which a screen reader hears with the caption. */
void
dm_presenter_update_title (DmPresenter *self)
{
  DmScenario *scenario = dm_scene_get_scenario (self->scene);
  g_autofree char *title = NULL;
  g_autofree char *counter = NULL;
  g_autofree char *spoken = NULL;
  DmLessonStep *step = NULL;

  if (scenario == NULL || self->title == NULL)
    return;
  title = dm_scenario_get_title (scenario);
  gtk_label_set_text (self->title, title);
  if (self->playing && self->lesson != NULL && self->lesson_step < self->lesson->steps->len)
    step = g_ptr_array_index (self->lesson->steps, self->lesson_step);
  gtk_widget_set_visible (GTK_WIDGET (self->caption), self->presenting && step != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->counter), self->presenting && step != NULL);
  if (step == NULL)
    return;
  /* Translators: the lesson step shown, "2 of 5". */
  counter = g_strdup_printf (_("%u of %u"), self->lesson_step + 1, self->lesson->steps->len);
  gtk_label_set_text (self->caption, step->caption ? step->caption : "");
  gtk_widget_set_visible (GTK_WIDGET (self->caption), self->presenting && step->caption != NULL);
  gtk_label_set_text (self->counter, counter);
  /* Translators: read by screen readers: "Step 2 of 5: Donetsk's new line". */
  spoken = step->caption ? g_strdup_printf (_("Step %s: %s"), counter, step->caption)
                         : g_strdup_printf (_("Step %s"), counter);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->caption),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, counter, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->counter),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
}

/* The step's own view once the window has settled (full screen, a second
 * map laid out), or the regions framed when it has none. */
static gboolean
reframe_cb (gpointer user_data)
{
  DmPresenter *self = user_data;
  DmLessonStep *step = NULL;

  self->reframe_idle = 0;
  if (self->window == NULL)
    return G_SOURCE_REMOVE;
  if (self->lesson != NULL && self->lesson_step < self->lesson->steps->len)
    step = g_ptr_array_index (self->lesson->steps, self->lesson_step);
  /* The step's view when it is shown; presenting without playing the
   * lesson (F5) frames the regions. */
  if (step != NULL && step->has_view && (self->playing || !self->reframe_home))
    {
      ShumateViewport *viewport = shumate_simple_map_get_viewport (self->window->map);

      shumate_viewport_set_zoom_level (viewport, step->zoom);
      shumate_location_set_location (SHUMATE_LOCATION (viewport), step->lat, step->lon);
    }
  else if (self->reframe_home)
    _dm_window_zoom_home_idle (self->window);
  self->reframe_home = FALSE;
  return G_SOURCE_REMOVE;
}

/* Low priority: after the window's own reframing of a second map. */
static void
queue_reframe (DmPresenter *self,
               gboolean     home)
{
  self->reframe_home |= home;
  if (self->reframe_idle == 0)
    self->reframe_idle = g_idle_add_full (G_PRIORITY_LOW, reframe_cb, self, NULL);
}

static void
show_step (DmPresenter *self,
           guint        index);

/* "Key cities": Kharkiv, Dnipro, Donetsk, Odesa, Zaporizhzhia, Kryvyi Rih,
 * Mykolaiv, Mariupol, Luhansk, Sevastopol in the bundled GeoNames data. */
#define KEY_CITY_POPULATION 400000

static void apply_key_cities (DmPresenter *self);

static void
key_cities_changed_cb (DmPresenter *self)
{
  if (self->presenting)
    apply_key_cities (self);
}

static void
apply_key_cities (DmPresenter *self)
{
  DmWindow *window = self->window;
  gboolean key = self->presenting && window->settings != NULL &&
                 g_settings_get_boolean (window->settings, "key-cities");
  DmScene *second = dm_comparison_get_scene (window->comparison);

  /* The window's settings come after us: followed from first use. */
  if (window->settings != NULL && !self->following_settings)
    {
      self->following_settings = TRUE;
      g_signal_connect_object (window->settings, "changed::key-cities",
                               G_CALLBACK (key_cities_changed_cb), self, G_CONNECT_SWAPPED);
    }

  dm_scene_set_show_places (self->scene, self->presenting ? key : self->places_before);
  for (guint i = 0; i < 2; i++)
    dm_scene_set_places_min_population (i == 0 ? self->scene : second,
                                        key ? KEY_CITY_POPULATION : 0);
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
      break;
    }
  if (!self->playing || self->lesson == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return FALSE;
  /* A lesson's ends, and its first nine steps by number. */
  if (keyval == GDK_KEY_Home || keyval == GDK_KEY_KP_Home)
    show_step (self, 0);
  else if (keyval == GDK_KEY_End || keyval == GDK_KEY_KP_End)
    show_step (self, self->lesson->steps->len - 1);
  else if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9)
    {
      if (keyval - GDK_KEY_1 < self->lesson->steps->len)
        show_step (self, keyval - GDK_KEY_1);
    }
  else if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9)
    {
      if (keyval - GDK_KEY_KP_1 < self->lesson->steps->len)
        show_step (self, keyval - GDK_KEY_KP_1);
    }
  else
    return FALSE;
  return TRUE;
}

/* Whether the step stands on each proposal's own day: set before the
 * proposal and the comparison, so both maps are built on the right day. */
static void
apply_own_day (DmPresenter  *self,
               DmLessonStep *step)
{
  if (step->control_date != NULL)
    g_object_set (self->window->timeline, "proposal-day",
                  g_strcmp0 (step->control_date, DM_LESSON_PROPOSAL_DAY) == 0, NULL);
}

/* The step's day: its own date, the proposal's own day (which the
 * "Line on the Proposal's Own Day" switch shows, for both maps), or, with
 * neither, the day already shown. */
static void
apply_day (DmPresenter  *self,
           DmLessonStep *step)
{
  DmWindow *window = self->window;

  if (step->control_date == NULL)
    return;
  if (g_strcmp0 (step->control_date, DM_LESSON_PROPOSAL_DAY) != 0)
    dm_window_set_control_date (window, step->control_date);
  else
    {
      /* The same proposal as the step before shows no new day by itself. */
      DmScenario *scenario = dm_scene_get_scenario (self->scene);
      g_autofree char *day = scenario ? dm_catalog_proposal_day (window->catalog,
                                                                 dm_scenario_get_proposal (scenario),
                                                                 NULL) : NULL;

      if (day != NULL)
        _dm_window_show_day (window, day, NULL);
    }
}

static void
apply_step (DmPresenter *self)
{
  DmLessonStep *step = g_ptr_array_index (self->lesson->steps, self->lesson_step);
  DmWindow *window = self->window;
  DmProposal *proposal = dm_catalog_find_proposal (window->catalog, step->proposal);
  gboolean side_before = dm_comparison_get_side_by_side (window->comparison);

  apply_own_day (self, step);
  /* The mode and divider first: the comparison is built once, as saved. */
  if (step->compare != NULL)
    {
      dm_comparison_set_mode (window->comparison,
                              step->swipe ? DM_COMPARE_SWIPE : DM_COMPARE_SIDE);
      dm_comparison_set_divider (window->comparison, step->divider);
    }
  if (proposal != NULL)
    _dm_window_set_proposal (window, proposal);
  /* Each step shows its own annotations, and only those. */
  {
    DmScenario *scenario = dm_scene_get_scenario (window->scene);

    if (scenario != NULL)
      dm_annotation_list_set_all (dm_scenario_get_annotations (scenario), step->annotations);
  }
  dm_window_compare_with (window, step->compare);
  apply_day (self, step);
  /* Its own view; without one, the regions framed again when the maps
   * changed width (from two maps to one). */
  if (step->has_view)
    queue_reframe (self, FALSE);
  else if (side_before != dm_comparison_get_side_by_side (window->comparison))
    queue_reframe (self, TRUE);
  dm_presenter_update_title (self);
}

static void
show_step (DmPresenter *self,
           guint        index)
{
  if (self->lesson == NULL || index >= self->lesson->steps->len)
    return;
  self->lesson_step = index;
  apply_step (self);
}

/* In presentation nothing takes the keyboard from the map: a clicker's
 * next key must step the lesson, whatever was clicked or added. A popover
 * on a part keeps it until it closes. */
static gboolean
refocus_cb (gpointer user_data)
{
  DmPresenter *self = user_data;

  self->focus_idle = 0;
  if (self->window != NULL && self->presenting)
    gtk_widget_grab_focus (GTK_WIDGET (shumate_simple_map_get_map (self->window->map)));
  return G_SOURCE_REMOVE;
}

static void
focus_changed_cb (DmPresenter *self)
{
  GtkWidget *focus;
  GtkWidget *map;

  if (!self->presenting || self->window == NULL)
    return;
  focus = gtk_root_get_focus (GTK_ROOT (self->window));
  map = GTK_WIDGET (shumate_simple_map_get_map (self->window->map));
  if (focus == map || (focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER)))
    return;
  if (self->focus_idle == 0)
    self->focus_idle = g_idle_add (refocus_cb, self);
}

static void
dm_presenter_dispose (GObject *object)
{
  DmPresenter *self = DM_PRESENTER (object);

  if (self->fade_tick != 0 && self->overlay != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->overlay), self->fade_tick);
  self->fade_tick = 0;
  g_clear_handle_id (&self->focus_idle, g_source_remove);
  g_clear_handle_id (&self->reframe_idle, g_source_remove);
  g_clear_pointer (&self->deferred, g_ptr_array_unref);
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
  self->deferred = g_ptr_array_new_with_free_func (g_free);
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
  self->title_box = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                               DM_TYPE_WINDOW, "present_box"));
  self->title = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (window), DM_TYPE_WINDOW,
                                                          "present_title"));
  self->caption = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (window), DM_TYPE_WINDOW,
                                                            "present_caption"));
  self->counter = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (window), DM_TYPE_WINDOW,
                                                            "present_counter"));
  dm_comparison_set_title_widget (window->comparison, self->title_box);

  g_signal_connect_object (window, "notify::focus-widget", G_CALLBACK (focus_changed_cb), self,
                           G_CONNECT_SWAPPED);
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
  /* Every map follows the scene: large type, and of the towns only the key
   * cities (400,000 people or more), if those are asked for. */
  dm_scene_set_text_scale (self->scene, presenting ? 1.7 : 1.0);
  apply_key_cities (self);
  gtk_revealer_set_reveal_child (self->header_revealer, !presenting);
  gtk_widget_set_visible (self->title_box, presenting);
  _dm_window_update_legend (window);
  shumate_simple_map_set_show_zoom_buttons (window->map, !presenting);
  shumate_simple_map_set_show_zoom_buttons (dm_comparison_get_second_map (window->comparison),
                                            !presenting);
  /* The title takes the top centre; the legend stays top left below it. */
  gtk_widget_set_margin_top (GTK_WIDGET (window->legend), presenting ? 84 : 12);
  {
    /* The map holds the keyboard while presenting (libshumate's map is not
     * focusable by itself): nothing else may take the clicker's keys. */
    GtkWidget *map = GTK_WIDGET (shumate_simple_map_get_map (window->map));

    if (presenting)
      {
        self->map_focusable_before = gtk_widget_get_focusable (map);
        gtk_widget_set_focusable (map, TRUE);
        gtk_widget_grab_focus (map);
      }
    else
      {
        gtk_widget_set_focusable (map, self->map_focusable_before);
        gtk_widget_grab_focus (GTK_WIDGET (window->map));
      }
  }
  dm_presenter_update_title (self);
  /* The window resizes on (un)fullscreen; frame the regions again after,
   * or the lesson step's own view. */
  queue_reframe (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTING]);
  if (!presenting)
    {
      /* F5 later presents proposals again, not the lesson. */
      self->playing = FALSE;
      dm_presenter_update_title (self);
      for (guint i = 0; i < self->deferred->len; i++)
        _dm_window_toast (window, g_ptr_array_index (self->deferred, i));
      g_ptr_array_set_size (self->deferred, 0);
    }
}

/* The lesson being built or played; with create, a new empty one if none. */
DmLesson *
dm_presenter_get_lesson (DmPresenter *self,
                         gboolean     create)
{
  g_return_val_if_fail (DM_IS_PRESENTER (self), NULL);

  if (self->lesson == NULL && create)
    self->lesson = dm_lesson_new (NULL);
  return self->lesson;
}

/* Takes lesson, presents, and shows its first step. */
void
dm_presenter_play_lesson (DmPresenter *self,
                          DmLesson    *lesson)
{
  g_return_if_fail (DM_IS_PRESENTER (self));
  g_return_if_fail (lesson != NULL && lesson->steps->len > 0);

  /* The lesson being built may be presented as it is. */
  if (lesson != self->lesson)
    {
      g_clear_pointer (&self->lesson, dm_lesson_free);
      self->lesson = lesson;
    }
  self->lesson_step = 0;
  self->playing = TRUE;
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

  if (!self->playing || self->lesson == NULL || !self->presenting || self->lesson->steps->len == 0)
    return FALSE;
  /* A clicker pressed once too often stays on the last step. */
  n = self->lesson->steps->len;
  show_step (self, CLAMP ((int) self->lesson_step + delta, 0, n - 1));
  return TRUE;
}

/* Shows a step of the lesson (presenting or not): the step list jumps. */
void
dm_presenter_show_step (DmPresenter *self,
                        guint        index)
{
  g_return_if_fail (DM_IS_PRESENTER (self));
  show_step (self, index);
}

/* The lesson's steps were reordered, removed or recaptioned. */
void
dm_presenter_lesson_changed (DmPresenter *self)
{
  g_return_if_fail (DM_IS_PRESENTER (self));

  if (self->lesson != NULL && self->lesson_step >= self->lesson->steps->len)
    self->lesson_step = self->lesson->steps->len > 0 ? self->lesson->steps->len - 1 : 0;
  if (self->lesson != NULL && self->lesson->steps->len == 0 && self->presenting)
    dm_presenter_set_presenting (self, FALSE);
  dm_presenter_update_title (self);
}

/* Keeps a notice for when presentation ends; FALSE when not presenting. */
gboolean
dm_presenter_defer_toast (DmPresenter *self,
                          const char  *message)
{
  g_return_val_if_fail (DM_IS_PRESENTER (self), FALSE);

  if (!self->presenting)
    return FALSE;
  g_ptr_array_add (self->deferred, g_strdup (message));
  return TRUE;
}
