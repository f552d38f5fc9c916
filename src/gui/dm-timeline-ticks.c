/* dm-timeline-ticks.c: short labels over the timeline's proposal ticks, as many as fit.
 *
 * GtkScale can label its marks, but draws every label however close the
 * marks are: four proposals of April 2025 would print over each other.
 * This row draws the labels above the scale's own ticks and leaves out a
 * label that would touch one already placed. The shown proposal's label
 * is placed first, in bold, so it is never the one left out. The
 * pointer's tooltip names
 * every proposal near it, shown or not, and a click on a label goes to
 * its day ("activate" with the position). */
#include "config.h"

#include "dm-timeline-ticks.h"

/* The tooltip and a click take the marks this close to the pointer. */
#define NEAR_PX 10.0
#define GAP_PX 8

typedef struct
{
  guint  position;
  char  *day;
  char  *label;
  /* From the last snapshot: where it is drawn, and whether it was. */
  double x;
  int    left;
  int    width;
  gboolean shown;
} Tick;

struct _DmTimelineTicks
{
  GtkWidget  parent_instance;

  GtkRange  *range;  /* weak: a sibling in the timeline */
  GArray    *ticks;  /* Tick, by position */
  char      *current; /* the day of the proposal shown, placed first */
};

G_DEFINE_FINAL_TYPE (DmTimelineTicks, dm_timeline_ticks, GTK_TYPE_WIDGET)

enum
{
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
tick_clear (gpointer data)
{
  Tick *tick = data;

  g_free (tick->day);
  g_free (tick->label);
}

/* Where the scale puts the slider's centre for a position, in this
 * widget's coordinates. */
static gboolean
position_x (DmTimelineTicks *self,
            guint            position,
            double          *x)
{
  GtkAdjustment *adjustment;
  GdkRectangle rect;
  int slider_start, slider_end;
  double lower, upper, fraction, slider, in_range, y;

  if (self->range == NULL)
    return FALSE;
  adjustment = gtk_range_get_adjustment (self->range);
  lower = gtk_adjustment_get_lower (adjustment);
  upper = gtk_adjustment_get_upper (adjustment);
  if (upper <= lower)
    return FALSE;
  gtk_range_get_range_rect (self->range, &rect);
  gtk_range_get_slider_range (self->range, &slider_start, &slider_end);
  slider = MAX (0, slider_end - slider_start);
  fraction = CLAMP ((position - lower) / (upper - lower), 0.0, 1.0);
  in_range = rect.x + slider / 2.0 + fraction * MAX (0.0, rect.width - slider);
  return gtk_widget_translate_coordinates (GTK_WIDGET (self->range), GTK_WIDGET (self),
                                           in_range, 0, x, &y);
}

static PangoLayout *
create_layout (DmTimelineTicks *self,
               Tick            *tick)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), tick->label);

  if (g_strcmp0 (tick->day, self->current) == 0)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
    }
  return layout;
}

static gboolean
overlaps_shown (DmTimelineTicks *self,
                int              left,
                int              right)
{
  for (guint i = 0; i < self->ticks->len; i++)
    {
      Tick *other = &g_array_index (self->ticks, Tick, i);

      if (other->shown && left < other->left + other->width + GAP_PX &&
          right + GAP_PX > other->left)
        return TRUE;
    }
  return FALSE;
}

/* Which labels fit: each is centred on its tick and kept inside the row;
 * the shown proposal's goes first, then the others left to right, each
 * left out when it would touch one already placed. */
static void
layout_ticks (DmTimelineTicks *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  for (guint i = 0; i < self->ticks->len; i++)
    g_array_index (self->ticks, Tick, i).shown = FALSE;
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->ticks->len; i++)
      {
        Tick *tick = &g_array_index (self->ticks, Tick, i);
        gboolean current = g_strcmp0 (tick->day, self->current) == 0;
        g_autoptr(PangoLayout) layout = NULL;
        int text_width;

        if (current != (pass == 0) || !position_x (self, tick->position, &tick->x))
          continue;
        layout = create_layout (self, tick);
        pango_layout_get_pixel_size (layout, &text_width, NULL);
        tick->width = text_width;
        tick->left = CLAMP ((int) (tick->x - text_width / 2.0), 0, MAX (0, width - text_width));
        if (text_width > width || overlaps_shown (self, tick->left, tick->left + text_width))
          continue;
        tick->shown = TRUE;
      }
}

static void
dm_timeline_ticks_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  DmTimelineTicks *self = DM_TIMELINE_TICKS (widget);
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  layout_ticks (self);
  for (guint i = 0; i < self->ticks->len; i++)
    {
      Tick *tick = &g_array_index (self->ticks, Tick, i);
      g_autoptr(PangoLayout) layout = NULL;

      if (!tick->shown)
        continue;
      layout = create_layout (self, tick);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (tick->left, 0));
      gtk_snapshot_append_layout (snapshot, layout, &color);
      gtk_snapshot_restore (snapshot);
    }
}

static void
dm_timeline_ticks_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  /* One line of text high; as narrow as the scale lets it be. */
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "Ag");
      int height;

      pango_layout_get_pixel_size (layout, NULL, &height);
      *minimum = *natural = height;
    }
  else
    *minimum = *natural = 0;
}

static gboolean
query_tooltip_cb (DmTimelineTicks *self,
                  int              x,
                  int              y,
                  gboolean         keyboard,
                  GtkTooltip      *tooltip)
{
  g_autofree char *text = dm_timeline_ticks_dup_near (self, x);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
pressed_cb (DmTimelineTicks *self,
            int              n_press,
            double           x,
            double           y)
{
  for (guint i = 0; i < self->ticks->len; i++)
    {
      Tick *tick = &g_array_index (self->ticks, Tick, i);

      if (tick->shown && x >= tick->left && x <= tick->left + tick->width)
        {
          g_signal_emit (self, signals[ACTIVATE], 0, tick->position);
          return;
        }
    }
}

static void
dm_timeline_ticks_dispose (GObject *object)
{
  DmTimelineTicks *self = DM_TIMELINE_TICKS (object);

  g_clear_weak_pointer (&self->range);
  G_OBJECT_CLASS (dm_timeline_ticks_parent_class)->dispose (object);
}

static void
dm_timeline_ticks_finalize (GObject *object)
{
  DmTimelineTicks *self = DM_TIMELINE_TICKS (object);

  g_array_unref (self->ticks);
  g_free (self->current);
  G_OBJECT_CLASS (dm_timeline_ticks_parent_class)->finalize (object);
}

static void
dm_timeline_ticks_class_init (DmTimelineTicksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dm_timeline_ticks_dispose;
  object_class->finalize = dm_timeline_ticks_finalize;
  widget_class->snapshot = dm_timeline_ticks_snapshot;
  widget_class->measure = dm_timeline_ticks_measure;

  signals[ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  gtk_widget_class_set_css_name (widget_class, "dmtimelineticks");
  /* The labels are named in the scale's tick tooltips and the calendar;
   * to a screen reader this row is decoration. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
dm_timeline_ticks_init (DmTimelineTicks *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->ticks = g_array_new (FALSE, TRUE, sizeof (Tick));
  g_array_set_clear_func (self->ticks, tick_clear);
  gtk_widget_add_css_class (GTK_WIDGET (self), "caption");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_signal_connect_object (click, "pressed", G_CALLBACK (pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

/* The scale whose positions the ticks follow. */
void
dm_timeline_ticks_set_range (DmTimelineTicks *self,
                             GtkRange        *range)
{
  g_set_weak_pointer (&self->range, range);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dm_timeline_ticks_clear (DmTimelineTicks *self)
{
  g_array_set_size (self->ticks, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Ticks are added in the order of their positions. */
void
dm_timeline_ticks_add (DmTimelineTicks *self,
                       guint            position,
                       const char      *day,
                       const char      *label)
{
  Tick tick = { position, g_strdup (day), g_strdup (label), 0, 0, 0, FALSE };

  g_array_append_val (self->ticks, tick);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The day of the proposal shown: its label is placed first, in bold. */
void
dm_timeline_ticks_set_current (DmTimelineTicks *self,
                               const char      *day)
{
  if (g_strcmp0 (self->current, day) == 0)
    return;
  g_free (self->current);
  self->current = g_strdup (day);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
dm_timeline_ticks_is_shown (DmTimelineTicks *self,
                            const char      *day)
{
  layout_ticks (self);
  for (guint i = 0; i < self->ticks->len; i++)
    if (g_strcmp0 (g_array_index (self->ticks, Tick, i).day, day) == 0 &&
        g_array_index (self->ticks, Tick, i).shown)
      return TRUE;
  return FALSE;
}

/* How many labels fit at the present width. */
guint
dm_timeline_ticks_get_n_shown (DmTimelineTicks *self)
{
  guint n = 0;

  layout_ticks (self);
  for (guint i = 0; i < self->ticks->len; i++)
    n += g_array_index (self->ticks, Tick, i).shown;
  return n;
}

/* "DAY  Label" for every tick near x, one a line; NULL when none is. */
char *
dm_timeline_ticks_dup_near (DmTimelineTicks *self,
                            double           x)
{
  GString *text = NULL;

  layout_ticks (self);
  for (guint i = 0; i < self->ticks->len; i++)
    {
      Tick *tick = &g_array_index (self->ticks, Tick, i);
      gboolean on_label = tick->shown && x >= tick->left && x <= tick->left + tick->width;

      if (!on_label && ABS (tick->x - x) > NEAR_PX)
        continue;
      if (text == NULL)
        text = g_string_new (NULL);
      else
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s  %s", tick->day, tick->label);
    }
  return text ? g_string_free (text, FALSE) : NULL;
}
