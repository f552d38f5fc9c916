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

  /* The speed goes only where the window is phone-sized. */
  dm_timeline_set_compact (self->timeline, compact, self->width_class != DM_WIDTH_NARROW);
  gtk_widget_set_hexpand (timeline, compact);
  gtk_widget_set_halign (self->date_slider_box, compact ? GTK_ALIGN_FILL : GTK_ALIGN_END);
  gtk_widget_set_margin_start (self->date_slider_box, compact ? 6 : 12);
  gtk_widget_set_margin_end (self->date_slider_box, compact ? 6 : 12);
}

/* Comparing, the maps' names run along the top: the legend moves below
 * them, and where they share one map the zoom buttons give way
 * (scrolling, pinching and Ctrl+plus/minus still zoom). */
static void
place_overlays (DmWindow *self)
{
  gboolean comparing = dm_comparison_get_active (self->comparison);
  gboolean crowded = comparing && self->width_class != DM_WIDTH_WIDE;

  gtk_widget_set_margin_top (GTK_WIDGET (self->legend), comparing ? 52 : 12);
  shumate_simple_map_set_show_zoom_buttons (self->map, !crowded);
  shumate_simple_map_set_show_zoom_buttons (dm_comparison_get_second_map (self->comparison),
                                            !crowded);
}

/* Compact when the window is narrow or the map beside the sidebar has
 * less room than the whole timeline needs (a longer speed in another
 * language, two maps side by side). Its full width is measured while it
 * is whole, so the choice does not flip back and forth. */
static gboolean
wants_compact_timeline (DmWindow *self)
{
  if (self->width_class == DM_WIDTH_NARROW)
    return TRUE;
  return self->timeline_full_width > 0 && self->adapt_map_width > 0 &&
         self->adapt_map_width < self->timeline_full_width;
}

static void
apply (DmWindow     *self,
       DmWidthClass  klass)
{
  gboolean narrow = klass == DM_WIDTH_NARROW;

  self->width_class = klass;
  gtk_widget_set_visible (GTK_WIDGET (self->date_button), !narrow);
  dm_date_button_set_compact (self->date_button, klass != DM_WIDTH_WIDE);
  /* Annotating wants a pointer and room to aim; at phone width the header
   * has neither to spare. */
  if (self->annotate_button != NULL)
    gtk_widget_set_visible (self->annotate_button, !narrow);
  gtk_widget_set_visible (child (self, "present_button"), !narrow);
  gtk_widget_set_visible (child (self, "compare_mode_wrap"), !narrow);
  gtk_widget_set_visible (child (self, "step_box"), !narrow);
  self->timeline_compact = wants_compact_timeline (self);
  set_timeline_compact (self, self->timeline_compact);
  /* "Compare with" shows as much of its choice as the header can spare. */
  gtk_widget_set_size_request (GTK_WIDGET (self->compare_dropdown),
                               klass == DM_WIDTH_WIDE ? 220 : -1,
                               -1);
  place_overlays (self);
  _dm_window_update_legend (self);

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

/* The legend ends above the timeline card, or scrolls. */
static int
legend_max_height (DmWindow *self)
{
  int below = gtk_widget_get_visible (self->date_slider_box)
              ? self->adapt_slider_height + gtk_widget_get_margin_bottom (self->date_slider_box) + 8
              : 12;

  return self->adapt_map_height - gtk_widget_get_margin_top (GTK_WIDGET (self->legend)) - below -
         60 /* the legend's heading and padding */;
}

static gboolean
adapt_idle (gpointer data)
{
  DmWindow *self = data;

  self->adapt_id = 0;
  if (legend_max_height (self) != self->legend_max_height)
    {
      self->legend_max_height = legend_max_height (self);
      dm_legend_set_max_height (self->legend, MAX (self->legend_max_height, 80));
    }
  if (width_class (self->adapt_width) != self->width_class)
    apply (self, width_class (self->adapt_width));
  else if (wants_compact_timeline (self) != self->timeline_compact)
    {
      self->timeline_compact = !self->timeline_compact;
      set_timeline_compact (self, self->timeline_compact);
    }
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
  self->adapt_map_width = gtk_widget_get_width (GTK_WIDGET (self->map_overlay));
  self->adapt_map_height = gtk_widget_get_height (GTK_WIDGET (self->map_overlay));
  self->adapt_slider_height = gtk_widget_get_height (self->date_slider_box);
  if (!self->timeline_compact && gtk_widget_get_visible (self->date_slider_box))
    {
      int min = 0;

      gtk_widget_measure (self->date_slider_box, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL,
                          NULL, NULL);
      self->timeline_full_width = min + gtk_widget_get_margin_start (self->date_slider_box) +
                                  gtk_widget_get_margin_end (self->date_slider_box);
    }
  if ((width_class (width) == self->width_class &&
       wants_compact_timeline (self) == self->timeline_compact &&
       legend_max_height (self) == self->legend_max_height) || self->adapt_id != 0)
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

/* Folding, the sidebar would cover the whole map: it closes, and the
 * header's button brings it back. Unfolding, it opens beside the map
 * again (not while presenting, which keeps it closed). */
static void
flap_folded_cb (DmWindow *self)
{
  gboolean folded = adw_flap_get_folded (self->flap);

  if (folded || !dm_presenter_get_presenting (self->presenter))
    adw_flap_set_reveal_flap (self->flap, !folded);
}

void
_dm_window_adaptive_init (DmWindow *self)
{
  g_signal_connect_object (self->flap, "notify::folded", G_CALLBACK (flap_folded_cb), self,
                           G_CONNECT_SWAPPED);
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
