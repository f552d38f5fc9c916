/* dm-window-adaptive.c: the window from 360 px wide up: what the header, timeline, legend and a comparison show at each width. */
#include "config.h"

#include "dm-window-private.h"

/* Below this the header keeps only what a phone-sized window needs: the
 * day is on the timeline, presentation mode in the menu, and the
 * proposals are stepped through in the sidebar's list (or with Page
 * Up/Down). The timeline drops its speed and spans the map, and the
 * legend folds to a button. */
#define DM_NARROW_BELOW       700
/* Two maps side by side need this much: below it a comparison swipes. */
#define DM_SIDE_BY_SIDE_FROM  900

static DmWidthClass
width_class (int width)
{
  if (width < DM_NARROW_BELOW)
    return DM_WIDTH_NARROW;
  if (width < DM_SIDE_BY_SIDE_FROM)
    return DM_WIDTH_MEDIUM;
  return DM_WIDTH_WIDE;
}

static GtkWidget *
child (DmWindow   *self,
       const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), DM_TYPE_WINDOW, name));
}

/* The timeline's own parts, by the names its template gives them: it has
 * no compact mode of its own. */
static void
set_timeline_compact (DmWindow *self,
                      gboolean  compact)
{
  GtkWidget *timeline = GTK_WIDGET (self->timeline);
  GObject *scale = gtk_widget_get_template_child (timeline, DM_TYPE_TIMELINE, "scale");
  GObject *speed = gtk_widget_get_template_child (timeline, DM_TYPE_TIMELINE, "speed_dropdown");

  if (scale != NULL)
    gtk_widget_set_size_request (GTK_WIDGET (scale), compact ? 120 : 320, -1);
  if (speed != NULL)
    gtk_widget_set_visible (GTK_WIDGET (speed), !compact);
  gtk_widget_set_hexpand (timeline, compact);
  gtk_widget_set_halign (self->date_slider_box, compact ? GTK_ALIGN_FILL : GTK_ALIGN_END);
  gtk_widget_set_margin_start (self->date_slider_box, compact ? 6 : 12);
  gtk_widget_set_margin_end (self->date_slider_box, compact ? 6 : 12);
}

/* Comparing in a narrow window, the maps' names run along the top: the
 * legend moves below them and the zoom buttons give way (scrolling,
 * pinching and Ctrl+plus/minus still zoom). */
static void
place_overlays (DmWindow *self)
{
  gboolean crowded = self->width_class == DM_WIDTH_NARROW &&
                     dm_comparison_get_active (self->comparison);

  gtk_widget_set_margin_top (GTK_WIDGET (self->legend), crowded ? 52 : 12);
  shumate_simple_map_set_show_zoom_buttons (self->map, !crowded);
  shumate_simple_map_set_show_zoom_buttons (dm_comparison_get_second_map (self->comparison),
                                            !crowded);
}

static void
apply (DmWindow     *self,
       DmWidthClass  klass)
{
  gboolean narrow = klass == DM_WIDTH_NARROW;

  self->width_class = klass;
  gtk_widget_set_visible (GTK_WIDGET (self->date_dropdown), !narrow);
  gtk_widget_set_visible (child (self, "present_button"), !narrow);
  gtk_widget_set_visible (child (self, "compare_mode_wrap"), !narrow);
  gtk_widget_set_visible (child (self, "step_box"), !narrow);
  set_timeline_compact (self, narrow);
  /* "Compare with" shows as much of its choice as the header can spare. */
  gtk_widget_set_size_request (GTK_WIDGET (self->compare_dropdown),
                               klass == DM_WIDTH_WIDE ? 220 : -1,
                               -1);
  place_overlays (self);
  dm_legend_set_expanded (self->legend,
                          !narrow && !dm_comparison_get_side_by_side (self->comparison));

  /* Side by side returns when there is room again, if it was ours to take. */
  if (klass != DM_WIDTH_WIDE && dm_comparison_get_mode (self->comparison) == DM_COMPARE_SIDE)
    {
      self->swipe_forced = TRUE;
      dm_comparison_set_mode (self->comparison, DM_COMPARE_SWIPE);
    }
  else if (klass == DM_WIDTH_WIDE && self->swipe_forced)
    {
      self->swipe_forced = FALSE;
      dm_comparison_set_mode (self->comparison, DM_COMPARE_SIDE);
    }
  _dm_window_refresh_title (self);
}

static gboolean
adapt_idle (gpointer data)
{
  DmWindow *self = data;

  self->adapt_id = 0;
  if (width_class (self->adapt_width) != self->width_class)
    apply (self, width_class (self->adapt_width));
  return G_SOURCE_REMOVE;
}

/* From size_allocate: the layout changes after this allocation, never
 * during it. Each layout fits the widths it is chosen for, so the change
 * settles. */
void
_dm_window_adapt_to_width (DmWindow *self,
                           int       width)
{
  self->adapt_width = width;
  if (width_class (width) == self->width_class || self->adapt_id != 0)
    return;
  self->adapt_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, adapt_idle, self, NULL);
}

/* The user chose a mode: it is theirs, not ours to undo. */
static void
mode_changed_cb (DmWindow *self)
{
  if (self->width_class == DM_WIDTH_WIDE ||
      dm_comparison_get_mode (self->comparison) == DM_COMPARE_SIDE)
    self->swipe_forced = FALSE;
}

void
_dm_window_adaptive_init (DmWindow *self)
{
  self->width_class = DM_WIDTH_WIDE;
  g_signal_connect_object (self->comparison, "notify::mode", G_CALLBACK (mode_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->comparison, "notify::active", G_CALLBACK (place_overlays), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_size_request (GTK_WIDGET (self->compare_dropdown), 220, -1);
}

void
_dm_window_adaptive_dispose (DmWindow *self)
{
  g_clear_handle_id (&self->adapt_id, g_source_remove);
}
