/* dm-timeline.c: the day control over two years of days: a slider with the proposals' days, play and speed.
 *
 * It owns which day of the record is chosen and whether the front is
 * playing; the window listens to "position" and loads the day. Playing
 * never runs ahead of the map: a frame's step waits until the window says
 * the previous day is shown (dm_timeline_day_shown), so a slow day makes
 * playback slower instead of skipping days unseen. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "dm-timeline.h"
#include "dm-timeline-ticks.h"

/* Playback speeds, days per second, in the order of the dropdown. */
static const double speeds[] = { 1.0, 7.0, 30.0, 91.0 };
/* At most this many frames a second: each frame is a day's GEOS and paint. */
#define MIN_FRAME_MS 125

struct _DmTimeline
{
  GtkWidget       parent_instance;

  GtkToggleButton *play_button;
  GtkLabel        *day_label;
  DmTimelineTicks *ticks;
  GtkScale        *scale;
  GtkDropDown     *speed_dropdown;
  GtkToggleButton *loop_button;

  char           **days;
  guint            n_days;
  guint            position;
  gboolean         playing;
  gboolean         loop;
  gboolean         waiting;   /* a step was made that the map does not show yet */
  char            *note;      /* "2025-01-01: no DeepStateMap file; using 2024-12-31" */
  gboolean         proposal_day; /* show each proposal on the line of its own day */
  guint            tick_id;
};

G_DEFINE_FINAL_TYPE (DmTimeline, dm_timeline, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_POSITION,
  PROP_DAY,
  PROP_PLAYING,
  PROP_SPEED,
  PROP_LOOP,
  PROP_NOTE,
  PROP_PROPOSAL_DAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
frame_ms (DmTimeline *self)
{
  return MAX (MIN_FRAME_MS, (guint) (1000.0 / dm_timeline_get_speed (self)));
}

/* Days a frame moves: a week a second at 8 frames a second is one day a
 * frame, three months a second eleven. */
static int
days_per_frame (DmTimeline *self)
{
  return MAX (1, (int) lround (dm_timeline_get_speed (self) * frame_ms (self) / 1000.0));
}

static void
update_label (DmTimeline *self)
{
  gtk_label_set_text (self->day_label, self->n_days > 0 ? self->days[self->position] : "");
}

static gboolean
tick_cb (gpointer data)
{
  DmTimeline *self = data;
  guint last = self->n_days > 0 ? self->n_days - 1 : 0;

  if (self->waiting)
    return G_SOURCE_CONTINUE;
  if (self->position >= last)
    {
      if (!self->loop)
        {
          dm_timeline_set_playing (self, FALSE);
          return G_SOURCE_REMOVE;
        }
      dm_timeline_set_position (self, 0);
    }
  else
    dm_timeline_set_position (self, MIN (last, self->position + days_per_frame (self)));
  self->waiting = TRUE;
  return G_SOURCE_CONTINUE;
}

static void
restart_ticks (DmTimeline *self)
{
  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->playing)
    self->tick_id = g_timeout_add (frame_ms (self), tick_cb, self);
}

static void
scale_changed_cb (DmTimeline *self)
{
  double value = gtk_range_get_value (GTK_RANGE (self->scale));

  dm_timeline_set_position (self, (guint) MAX (0.0, value + 0.5));
}

static void
speed_changed_cb (DmTimeline *self)
{
  restart_ticks (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEED]);
}

static void
dm_timeline_dispose (GObject *object)
{
  DmTimeline *self = DM_TIMELINE (object);

  GtkWidget *child;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), DM_TYPE_TIMELINE);
  /* The box around the label and scale is not a bound child. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (dm_timeline_parent_class)->dispose (object);
}

static void
dm_timeline_finalize (GObject *object)
{
  DmTimeline *self = DM_TIMELINE (object);

  g_strfreev (self->days);
  g_free (self->note);
  G_OBJECT_CLASS (dm_timeline_parent_class)->finalize (object);
}

static void
dm_timeline_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DmTimeline *self = DM_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_DAY:
      g_value_set_string (value, dm_timeline_get_day (self));
      break;
    case PROP_PLAYING:
      g_value_set_boolean (value, self->playing);
      break;
    case PROP_SPEED:
      g_value_set_double (value, dm_timeline_get_speed (self));
      break;
    case PROP_LOOP:
      g_value_set_boolean (value, self->loop);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_PROPOSAL_DAY:
      g_value_set_boolean (value, self->proposal_day);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_note (DmTimeline *self,
          char       *note)
{
  if (g_strcmp0 (self->note, note) == 0)
    {
      g_free (note);
      return;
    }
  g_free (self->note);
  self->note = note;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

static void
dm_timeline_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  DmTimeline *self = DM_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_POSITION:
      dm_timeline_set_position (self, g_value_get_uint (value));
      break;
    case PROP_PLAYING:
      dm_timeline_set_playing (self, g_value_get_boolean (value));
      break;
    case PROP_SPEED:
      dm_timeline_set_speed (self, g_value_get_double (value));
      break;
    case PROP_LOOP:
      dm_timeline_set_loop (self, g_value_get_boolean (value));
      break;
    case PROP_PROPOSAL_DAY:
      if (self->proposal_day != g_value_get_boolean (value))
        {
          self->proposal_day = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_timeline_class_init (DmTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dm_timeline_dispose;
  object_class->finalize = dm_timeline_finalize;
  object_class->get_property = dm_timeline_get_property;
  object_class->set_property = dm_timeline_set_property;

  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DAY] =
    g_param_spec_string ("day", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SPEED] =
    g_param_spec_double ("speed", NULL, NULL, 0.1, 1000.0, 7.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOOP] =
    g_param_spec_boolean ("loop", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Set when the day asked for had no file and an earlier one is shown. */
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The window moves to a proposal's own day when it is shown; off, the
   * day stays where the user put it (the latest at first). */
  properties[PROP_PROPOSAL_DAY] =
    g_param_spec_boolean ("proposal-day", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DM_TYPE_TIMELINE_TICKS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/demarcate/Demarcate/ui/dm-timeline.ui");
  gtk_widget_class_bind_template_child (widget_class, DmTimeline, play_button);
  gtk_widget_class_bind_template_child (widget_class, DmTimeline, day_label);
  gtk_widget_class_bind_template_child (widget_class, DmTimeline, ticks);
  gtk_widget_class_bind_template_child (widget_class, DmTimeline, scale);
  gtk_widget_class_bind_template_child (widget_class, DmTimeline, speed_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DmTimeline, loop_button);
  gtk_widget_class_set_css_name (widget_class, "dmtimeline");
}

static void
dm_timeline_init (DmTimeline *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->days = g_new0 (char *, 1);
  dm_timeline_ticks_set_range (self->ticks, GTK_RANGE (self->scale));
  g_signal_connect_object (self->ticks, "activate", G_CALLBACK (dm_timeline_set_position), self,
                           G_CONNECT_SWAPPED);
  g_object_bind_property (self, "playing", self->play_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "loop", self->loop_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->scale, "value-changed", G_CALLBACK (scale_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->speed_dropdown, "notify::selected",
                           G_CALLBACK (speed_changed_cb), self, G_CONNECT_SWAPPED);
}

static int
compare_marks (gconstpointer a,
               gconstpointer b,
               gpointer      marked)
{
  const char * const *days = marked;

  return strcmp (days[*(const guint *) a], days[*(const guint *) b]);
}

/* The days of the record, oldest first; `marked` get a tick with its
 * short label from `labels` (the proposals' days and names), and the ends
 * are labelled. Keeps the day shown if it is still there, else goes to
 * the last. */
void
dm_timeline_set_days (DmTimeline         *self,
                      const char * const *days,
                      const char * const *marked,
                      const char * const *labels)
{
  g_autofree char *current = g_strdup (dm_timeline_get_day (self));
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));

  g_strfreev (self->days);
  self->days = g_strdupv ((char **) days);
  self->n_days = g_strv_length (self->days);

  gtk_scale_clear_marks (self->scale);
  dm_timeline_ticks_clear (self->ticks);
  if (self->n_days > 0)
    {
      gtk_scale_add_mark (self->scale, 0, GTK_POS_BOTTOM, self->days[0]);
      gtk_scale_add_mark (self->scale, self->n_days - 1, GTK_POS_BOTTOM,
                          self->days[self->n_days - 1]);
    }
  /* The labels go left to right: marks sorted by day. */
  for (guint m = 0; marked != NULL && marked[m] != NULL; m++)
    g_array_append_val (order, m);
  g_array_sort_with_data (order, compare_marks, (gpointer) marked);
  for (guint k = 0; k < order->len; k++)
    {
      guint m = g_array_index (order, guint, k);
      guint at = self->n_days;

      /* The day shown for it: that day, or the latest earlier one. */
      for (guint i = 0; i < self->n_days && strcmp (self->days[i], marked[m]) <= 0; i++)
        at = i;
      if (at < self->n_days && strcmp (marked[m], self->days[self->n_days - 1]) <= 0)
        {
          gtk_scale_add_mark (self->scale, at, GTK_POS_TOP, NULL);
          dm_timeline_ticks_add (self->ticks, at, marked[m],
                                 labels != NULL ? labels[m] : marked[m]);
        }
    }
  gtk_range_set_range (GTK_RANGE (self->scale), 0, MAX (self->n_days, 2) - 1);

  self->position = G_MAXUINT; /* so that the next set notifies */
  if (current == NULL || !dm_timeline_set_day (self, current, NULL))
    dm_timeline_set_position (self, self->n_days > 0 ? self->n_days - 1 : 0);
}

/* Compact, the slider asks for less width (a narrow window, or a map
 * beside another); show_speed FALSE hides the speed where even that is
 * too wide. */
void
dm_timeline_set_compact (DmTimeline *self,
                         gboolean    compact,
                         gboolean    show_speed)
{
  gtk_widget_set_size_request (GTK_WIDGET (self->scale), compact ? 120 : 320, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->speed_dropdown), show_speed);
}

/* The row of proposal labels over the slider. */
GtkWidget *
dm_timeline_get_ticks (DmTimeline *self)
{
  return GTK_WIDGET (self->ticks);
}

guint
dm_timeline_get_n_days (DmTimeline *self)
{
  return self->n_days;
}

const char *
dm_timeline_get_day (DmTimeline *self)
{
  return self->position < self->n_days ? self->days[self->position] : NULL;
}

guint
dm_timeline_get_position (DmTimeline *self)
{
  return self->position;
}

void
dm_timeline_set_position (DmTimeline *self,
                          guint       position)
{
  if (self->n_days == 0)
    return;
  position = MIN (position, self->n_days - 1);
  if (self->position == position)
    return;
  self->position = position;
  set_note (self, NULL);
  if ((guint) (gtk_range_get_value (GTK_RANGE (self->scale)) + 0.5) != position)
    gtk_range_set_value (GTK_RANGE (self->scale), position);
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}

/* Goes to a day of the record, with a note when it stands in for
 * another (dm_catalog_resolve_date chooses it); FALSE, staying, for a day
 * the record does not have. */
gboolean
dm_timeline_set_day (DmTimeline *self,
                     const char *date,
                     const char *note)
{
  for (guint i = 0; date != NULL && i < self->n_days; i++)
    if (g_str_equal (self->days[i], date))
      {
        dm_timeline_set_position (self, i);
        set_note (self, g_strdup (note));
        return TRUE;
      }
  return FALSE;
}

/* Moves by a number of days of the record, stopping at either end. */
void
dm_timeline_step (DmTimeline *self,
                  int         days)
{
  gint64 target = (gint64) self->position + days;

  dm_timeline_set_position (self, (guint) CLAMP (target, 0, (gint64) self->n_days - 1));
}

gboolean
dm_timeline_get_playing (DmTimeline *self)
{
  return self->playing;
}

void
dm_timeline_set_playing (DmTimeline *self,
                         gboolean    playing)
{
  playing = !!playing;
  if (self->playing == playing)
    return;
  /* Play at the end starts again from the beginning. */
  if (playing && self->n_days > 0 && self->position == self->n_days - 1)
    dm_timeline_set_position (self, 0);
  self->playing = playing;
  self->waiting = FALSE;
  gtk_button_set_icon_name (GTK_BUTTON (self->play_button),
                            playing ? "media-playback-pause-symbolic"
                                    : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button),
                               playing ? _("Pause") : _("Play the Front Through Time"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  playing ? _("Pause") : _("Play"), -1);
  restart_ticks (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

double
dm_timeline_get_speed (DmTimeline *self)
{
  guint i = gtk_drop_down_get_selected (self->speed_dropdown);

  return speeds[MIN (i, G_N_ELEMENTS (speeds) - 1)];
}

/* The nearest speed on offer. */
void
dm_timeline_set_speed (DmTimeline *self,
                       double      days_per_second)
{
  guint best = 0;

  for (guint i = 1; i < G_N_ELEMENTS (speeds); i++)
    if (fabs (speeds[i] - days_per_second) < fabs (speeds[best] - days_per_second))
      best = i;
  gtk_drop_down_set_selected (self->speed_dropdown, best);
}

gboolean
dm_timeline_get_loop (DmTimeline *self)
{
  return self->loop;
}

void
dm_timeline_set_loop (DmTimeline *self,
                      gboolean    loop)
{
  loop = !!loop;
  if (self->loop == loop)
    return;
  self->loop = loop;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOOP]);
}

const char *
dm_timeline_get_note (DmTimeline *self)
{
  return self->note;
}

/* The window shows the day asked for: playback may take its next step. */
void
dm_timeline_day_shown (DmTimeline *self)
{
  self->waiting = FALSE;
}

/* The next n days playback will show, for loading ahead; n 0 when not
 * playing: the days either side, for a day key. */
char **
dm_timeline_dup_upcoming (DmTimeline *self,
                          guint       n)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  int step = days_per_frame (self);
  char **out;

  if (n == 0)
    {
      if (self->position + 1 < self->n_days)
        g_strv_builder_add (builder, self->days[self->position + 1]);
      if (self->position > 0 && self->position < self->n_days)
        g_strv_builder_add (builder, self->days[self->position - 1]);
    }

  for (guint k = 1; k <= n && self->n_days > 0; k++)
    {
      gint64 at = (gint64) self->position + (gint64) k * step;

      if (at >= self->n_days)
        {
          if (!self->loop)
            break;
          at %= self->n_days;
        }
      g_strv_builder_add (builder, self->days[at]);
    }
  out = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return out;
}
