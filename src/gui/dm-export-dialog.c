/* dm-export-dialog.c: chooses format, size, area, text and options over a live preview, then exports in a thread. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "dm-export-dialog-private.h"
#include "dm-worker.h"

G_DEFINE_FINAL_TYPE (DmExportDialog, dm_export_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  const char *label;
  DmPaper     paper;
  int         width, height;
  gboolean    portrait;
} Preset;

static const Preset presets[] = {
  { N_("1920 × 1080"),           DM_PAPER_NONE, 1920, 1080, FALSE },
  { N_("3840 × 2160 (4K)"),      DM_PAPER_NONE, 3840, 2160, FALSE },
  { N_("1080 × 1080 (square)"),  DM_PAPER_NONE, 1080, 1080, FALSE },
  { N_("1080 × 1350 (portrait post)"), DM_PAPER_NONE, 1080, 1350, FALSE },
  { N_("1080 × 1920 (story)"),   DM_PAPER_NONE, 1080, 1920, FALSE },
  { N_("1200 × 675 (link card)"), DM_PAPER_NONE, 1200, 675, FALSE },
  { N_("1280 × 720"),            DM_PAPER_NONE, 1280, 720,  FALSE },
  { N_("A4 landscape, 300 dpi"), DM_PAPER_A4,   0,    0,    FALSE },
  { N_("A4 portrait, 300 dpi"),  DM_PAPER_A4,   0,    0,    TRUE },
  { N_("A3 landscape, 300 dpi"), DM_PAPER_A3,   0,    0,    FALSE },
  { N_("A3 portrait, 300 dpi"),  DM_PAPER_A3,   0,    0,    TRUE },
  { N_("Custom size"),           DM_PAPER_NONE, 0,    0,    FALSE },
};

#define PRESET_CUSTOM (G_N_ELEMENTS (presets) - 1)

/* The order of the format row's items in the template. */
static const DmExportFormat formats[] = { DM_EXPORT_PNG, DM_EXPORT_SVG, DM_EXPORT_PDF };

typedef struct
{
  DmScene         *scene;
  DmExportOptions  options;
  char            *title;
  char            *subtitle;
  char            *path;
  DmScenario      *compare;  /* a reference for the thread */
  DmAnnotationList *annotations;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->scene);
  g_clear_object (&job->compare);
  g_clear_object (&job->annotations);
  g_free (job->title);
  g_free (job->subtitle);
  g_free (job->path);
  g_free (job);
}

/* The window may switch proposal, edit a part or load another control
 * date while the dialog is open or an export runs; painting a private
 * copy keeps the preview and the file what the user saw when asking. */
static DmScene *
snapshot_scene (DmScene *scene)
{
  DmScene *copy = dm_scene_copy (scene);
  DmScenario *scenario = dm_scene_get_scenario (scene);

  /* A page shows the compared proposal in a frame of its own, not as
   * outlines on this one. */
  dm_scene_set_compare (copy, NULL);
  if (scenario != NULL)
    {
      g_autoptr(DmScenario) scenario_copy = dm_scenario_new (dm_scenario_get_proposal (scenario));

      for (guint r = 0; r < DM_N_REGIONS; r++)
        for (guint p = 0; p < DM_N_PARTS; p++)
          if (dm_scenario_is_edited (scenario, r, p))
            dm_scenario_set_status (scenario_copy, r, p, dm_scenario_get_status (scenario, r, p));
      dm_scene_set_scenario (copy, scenario_copy);
    }
  return copy;
}

static DmExportFormat
get_format (DmExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->format_row);

  return i < G_N_ELEMENTS (formats) ? formats[i] : DM_EXPORT_PNG;
}

gboolean
_dm_export_dialog_is_animation (DmExportDialog *self)
{
  return gtk_toggle_button_get_active (self->animation_button);
}

/* Fills options from the widgets; strings are borrowed from the entries. */
void
_dm_export_dialog_get_options (DmExportDialog  *self,
                               DmExportOptions *options)
{
  guint i = adw_combo_row_get_selected (self->preset_row);
  const Preset *preset = &presets[MIN (i, PRESET_CUSTOM)];
  gboolean animation = _dm_export_dialog_is_animation (self);

  dm_export_options_init (options);
  options->format = get_format (self);
  options->paper = preset->paper;
  options->portrait = preset->portrait;
  if (i >= PRESET_CUSTOM)
    {
      options->width = gtk_spin_button_get_value_as_int (self->width_spin);
      options->height = gtk_spin_button_get_value_as_int (self->height_spin);
    }
  else if (preset->paper == DM_PAPER_NONE)
    {
      options->width = preset->width;
      options->height = preset->height;
    }

  options->layout.title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  options->layout.subtitle = gtk_editable_get_text (GTK_EDITABLE (self->subtitle_row));
  /* The subtitle as it came names one day's line: each frame of an
   * animation gets its own day's instead. */
  if (animation && g_strcmp0 (options->layout.subtitle, self->default_subtitle) == 0)
    options->layout.subtitle = NULL;
  options->layout.show_inset = gtk_switch_get_active (self->inset_switch);
  options->layout.show_basemap = gtk_switch_get_active (self->basemap_switch);
  /* Videos and GIFs are opaque. */
  options->layout.transparent = !animation && gtk_switch_get_active (self->transparent_switch);
  options->layout.annotations = self->annotations;
  options->layout.compare = animation ? NULL : self->compare;
  _dm_export_dialog_get_area (self, &options->layout);
}

static char *
describe_size (const DmExportOptions *options)
{
  int width, height;
  double scale;

  dm_export_get_size (options, &width, &height, &scale);
  /* A vector page on paper is a paper size; everything else is pixels. */
  if (options->paper != DM_PAPER_NONE && options->format != DM_EXPORT_PNG)
    {
      int mm_w = options->paper == DM_PAPER_A3 ? 420 : 297;
      int mm_h = options->paper == DM_PAPER_A3 ? 297 : 210;

      if (options->portrait)
        return g_strdup_printf (_("%d × %d mm"), mm_h, mm_w);
      return g_strdup_printf (_("%d × %d mm"), mm_w, mm_h);
    }
  if (options->paper != DM_PAPER_NONE)
    return g_strdup_printf (_("%d × %d pixels at %.0f dpi"), width, height, options->dpi);
  return g_strdup_printf (_("%d × %d pixels"), width, height);
}

void
_dm_export_dialog_update (DmExportDialog *self)
{
  DmExportOptions options;
  g_autofree char *size = NULL;
  guint preset = adw_combo_row_get_selected (self->preset_row);
  gboolean custom = preset == PRESET_CUSTOM;
  gboolean animation;

  /* Custom starts from the size the user had, not from an arbitrary one. */
  if (custom && self->preset < PRESET_CUSTOM)
    {
      const Preset *previous = &presets[self->preset];
      DmExportOptions options_before;
      int width, height;
      double scale;

      dm_export_options_init (&options_before);
      options_before.paper = previous->paper;
      options_before.portrait = previous->portrait;
      options_before.width = previous->width;
      options_before.height = previous->height;
      dm_export_get_size (&options_before, &width, &height, &scale);
      self->preset = preset;
      gtk_spin_button_set_value (self->width_spin, width);
      gtk_spin_button_set_value (self->height_spin, height);
    }
  self->preset = preset;

  gtk_widget_set_visible (self->width_row, custom);
  gtk_widget_set_visible (self->height_row, custom);
  animation = _dm_export_dialog_is_animation (self);
  gtk_widget_set_visible (GTK_WIDGET (self->format_row), !animation);
  gtk_widget_set_visible (GTK_WIDGET (self->anim_format_row), animation);
  gtk_widget_set_visible (GTK_WIDGET (self->animation_group), animation);
  gtk_widget_set_visible (self->transparent_row, !animation);
  gtk_widget_set_visible (GTK_WIDGET (self->frame_scale),
                          animation && self->frames != NULL &&
                          dm_animation_frames_get_n (self->frames) > 1);
  gtk_widget_set_sensitive (self->export_button, !animation || self->frames != NULL);
  _dm_export_dialog_get_options (self, &options);
  size = describe_size (&options);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->preset_row), size);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

/* Cancel, or Stop while an animation encodes; an icon when narrow, where
 * the header has no room for its words. */
static void
update_cancel_button (DmExportDialog *self)
{
  GtkButton *button = GTK_BUTTON (self->cancel_button);
  const char *name = self->busy ? _("Stop") : _("Cancel");

  if (self->narrow)
    {
      gtk_button_set_icon_name (button, self->busy ? "media-playback-stop-symbolic"
                                                   : "window-close-symbolic");
      gtk_widget_set_tooltip_text (self->cancel_button, name);
    }
  else
    {
      gtk_button_set_label (button, self->busy ? _("_Stop") : _("_Cancel"));
      gtk_widget_set_tooltip_text (self->cancel_button, NULL);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cancel_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

void
_dm_export_dialog_set_busy (DmExportDialog *self,
                            const char     *path)
{
  self->busy = path != NULL;
  gtk_widget_set_sensitive (self->export_button, !self->busy);
  /* An animation takes a while: Cancel stops it. */
  gtk_widget_set_sensitive (self->cancel_button, !self->busy || self->job_cancellable != NULL);
  update_cancel_button (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->still_button), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->animation_button),
                            !self->busy && self->catalog != NULL);
  gtk_widget_set_sensitive (self->options_box, !self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), self->busy);
  if (path != NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *status = g_strdup_printf (_("Exporting “%s”…"), name);

      gtk_label_set_text (self->status_label, status);
    }
}

static void
preview_draw_cb (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  DmExportDialog *self = DM_EXPORT_DIALOG (user_data);
  DmExportOptions options;
  DmScene *scene = self->scene;
  int page_w, page_h;
  double scale, k, w, h, x, y;

  /* An animation's preview is the frame the scrubber is on. */
  if (_dm_export_dialog_is_animation (self))
    scene = self->frame_scene;
  if (scene == NULL || dm_scene_get_scenario (scene) == NULL ||
      dm_scene_get_partition (scene) == NULL)
    return;

  _dm_export_dialog_get_options (self, &options);
  if (_dm_export_dialog_is_animation (self))
    options.layout.stamp = self->frame_stamp;
  dm_export_get_size (&options, &page_w, &page_h, &scale);
  /* Room for the shadow; whole pixels keep the page's edges crisp. */
  k = MIN ((width - 8.0) / page_w, (height - 8.0) / page_h);
  if (k <= 0)
    return;
  w = floor (page_w * k);
  h = floor (page_h * k);
  x = floor ((width - w) / 2);
  y = floor ((height - h) / 2);

  cairo_set_source_rgba (cr, 0, 0, 0, 0.08);
  cairo_rectangle (cr, x - 1, y, w + 2, h + 3);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_rectangle (cr, x - 0.5, y - 0.5, w + 1, h + 1);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rectangle (cr, 0, 0, w, h);
  cairo_clip (cr);
  dm_export_draw (scene, cr, &options, w, h);
  cairo_restore (cr);
}

static void
toast_launch_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    g_warning ("Could not open the exported file: %s", error->message);
}

static void
free_uri (gpointer  data,
          GClosure *closure)
{
  g_free (data);
}

static void
toast_button_clicked_cb (AdwToast   *toast,
                         const char *uri)
{
  g_autoptr(GdkAppLaunchContext) context =
    gdk_display_get_app_launch_context (gdk_display_get_default ());

  /* Goes through the OpenURI portal when sandboxed. */
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                           toast_launch_cb, NULL);
}

void
_dm_export_dialog_show_done_toast (DmExportDialog *self,
                 const char     *path)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *markup = g_markup_escape_text (name, -1);
  AdwToast *toast;
  char *uri;

  if (self->toasts == NULL)
    return;
  /* The toast's title is markup; a file may be called "R&D <draft>.png". */
  toast = adw_toast_new_format (_("Exported “%s”"), markup);
  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri != NULL)
    {
      adw_toast_set_button_label (toast, _("_Open"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (toast_button_clicked_cb), uri,
                             free_uri, 0);
    }
  adw_toast_overlay_add_toast (self->toasts, toast);
}

void
_dm_export_dialog_show_error (DmExportDialog *self,
            const char     *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export the Map"),
                                              message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;

  if (dm_export_to_file (job->scene, &job->options, job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  DmExportDialog *self = DM_EXPORT_DIALOG (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  /* Cancelled: the dialog was destroyed (with its parent) meanwhile. */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          _dm_export_dialog_set_busy (self, NULL);
          _dm_export_dialog_show_error (self, error->message);
        }
      return;
    }

  _dm_export_dialog_set_busy (self, NULL);
  _dm_export_dialog_show_done_toast (self, job->path);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
chooser_response_cb (DmExportDialog       *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  g_clear_object (&self->chooser);

  if (file != NULL && path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *message =
        g_strdup_printf (_("Cannot write “%s”: choose a folder on this computer."), uri);

      _dm_export_dialog_show_error (self, message);
      return;
    }
  if (path != NULL)
    _dm_export_dialog_export_to (self, path);
}

static GtkFileFilter *
format_filter (DmExportFormat format)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  switch (format)
    {
    case DM_EXPORT_SVG:
      gtk_file_filter_set_name (filter, _("SVG drawings"));
      gtk_file_filter_add_mime_type (filter, "image/svg+xml");
      gtk_file_filter_add_suffix (filter, "svg");
      break;
    case DM_EXPORT_PDF:
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_suffix (filter, "pdf");
      break;
    case DM_EXPORT_PNG:
    default:
      gtk_file_filter_set_name (filter, _("PNG images"));
      gtk_file_filter_add_mime_type (filter, "image/png");
      gtk_file_filter_add_suffix (filter, "png");
      break;
    }
  return filter;
}

static GtkFileFilter *
animation_filter (DmAnimationFormat format)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  switch (format)
    {
    case DM_ANIMATION_MP4:
      gtk_file_filter_set_name (filter, _("MP4 videos"));
      gtk_file_filter_add_mime_type (filter, "video/mp4");
      gtk_file_filter_add_suffix (filter, "mp4");
      break;
    case DM_ANIMATION_GIF:
      gtk_file_filter_set_name (filter, _("GIF animations"));
      gtk_file_filter_add_mime_type (filter, "image/gif");
      gtk_file_filter_add_suffix (filter, "gif");
      break;
    case DM_ANIMATION_WEBM:
    default:
      gtk_file_filter_set_name (filter, _("WebM videos"));
      gtk_file_filter_add_mime_type (filter, "video/webm");
      gtk_file_filter_add_suffix (filter, "webm");
      break;
    }
  return filter;
}

static void
export_button_clicked_cb (DmExportDialog *self)
{
  DmExportFormat format = get_format (self);
  DmProposal *proposal = dm_scenario_get_proposal (dm_scene_get_scenario (self->scene));
  gboolean animation = _dm_export_dialog_is_animation (self);
  DmAnimationFormat anim_format = _dm_export_dialog_get_animation_format (self);
  g_autoptr(GtkFileFilter) filter = animation ? animation_filter (anim_format)
                                              : format_filter (format);
  g_autofree char *name = NULL;

  if (self->busy || self->chooser != NULL)
    return;

  self->chooser = GTK_NATIVE_DIALOG (gtk_file_chooser_native_new (_("Export Map"),
                                                                  GTK_WINDOW (self),
                                                                  GTK_FILE_CHOOSER_ACTION_SAVE,
                                                                  _("_Export"), _("_Cancel")));
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  name = g_strdup_printf ("%s.%s", dm_proposal_get_id (proposal),
                          animation ? dm_animation_format_to_string (anim_format)
                                    : dm_export_format_to_string (format));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->chooser);
}

static void
option_changed_cb (DmExportDialog *self)
{
  _dm_export_dialog_update (self);
}

static void
mode_toggled_cb (DmExportDialog *self)
{
  _dm_export_dialog_frames_changed (self);
}

static void
frames_changed_cb (DmExportDialog *self)
{
  _dm_export_dialog_frames_changed (self);
}

static void
frame_scale_changed_cb (DmExportDialog *self)
{
  _dm_export_dialog_show_frame (self, (int) gtk_range_get_value (GTK_RANGE (self->frame_scale)));
}

static gboolean
dm_export_dialog_close_request (GtkWindow *window)
{
  DmExportDialog *self = DM_EXPORT_DIALOG (window);

  /* The file would be finished after the dialog is gone, with no one to
   * report an error to. A still takes seconds at most; an animation is
   * stopped instead (its file is left as it was). */
  if (self->busy)
    {
      if (self->job_cancellable != NULL)
        g_cancellable_cancel (self->job_cancellable);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (dm_export_dialog_parent_class)->close_request (window);
}

static void
dm_export_dialog_dispose (GObject *object)
{
  DmExportDialog *self = DM_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->job_cancellable != NULL)
    g_cancellable_cancel (self->job_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), DM_TYPE_EXPORT_DIALOG);
  g_clear_weak_pointer (&self->toasts);
  g_clear_object (&self->scene);
  g_clear_object (&self->compare);
  g_clear_object (&self->annotations);
  g_clear_object (&self->frame_scene);
  g_clear_pointer (&self->frame_stamp, g_free);
  g_clear_pointer (&self->frames, dm_animation_frames_unref);
  g_clear_pointer (&self->frames_error, g_free);
  g_clear_pointer (&self->default_subtitle, g_free);
  g_clear_pointer (&self->catalog, dm_catalog_unref);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (dm_export_dialog_parent_class)->dispose (object);
}

static void
dm_export_dialog_class_init (DmExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = dm_export_dialog_dispose;
  window_class->close_request = dm_export_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/demarcate/Demarcate/ui/dm-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, options_box);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, still_button);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, animation_button);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, anim_format_row);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, animation_group);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, every_row);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, every_spin);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, own_day_row);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, own_day_switch);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, fps_spin);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, box_row);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, transparent_row);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, transparent_switch);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, preview_stack);
  gtk_widget_class_bind_template_child_full (widget_class, "preview_separator", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "preview_column", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "options_scroller", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, box_area);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, frame_scale);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, preset_row);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, width_row);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, height_row);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, subtitle_row);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, view_row);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, inset_switch);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, basemap_switch);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, status_label);
  gtk_widget_class_bind_template_callback (widget_class, export_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, option_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, frames_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, frame_scale_changed_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "area_changed_cb",
                                                G_CALLBACK (_dm_export_dialog_area_changed_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "box_button_clicked_cb",
                                                G_CALLBACK (_dm_export_dialog_box_button_clicked_cb));

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
template_widget (DmExportDialog *self,
                 const char     *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), DM_TYPE_EXPORT_DIALOG, name));
}

/* Below this width the options take the whole dialog and the preview
 * goes: at 360 px (a phone, half a small screen) there is room for one. */
#define NARROW_WIDTH 720

static void
width_changed_cb (DmExportDialog *self)
{
  int width = 0;
  gboolean narrow;

  g_object_get (self, "default-width", &width, NULL);
  narrow = width > 0 && width < NARROW_WIDTH;
  gtk_widget_set_visible (template_widget (self, "preview_separator"), !narrow);
  gtk_widget_set_visible (template_widget (self, "preview_column"), !narrow);
  gtk_widget_set_hexpand (template_widget (self, "options_scroller"), narrow);
  if (self->narrow != narrow)
    {
      self->narrow = narrow;
      update_cancel_button (self);
    }
}

static void
dm_export_dialog_init (DmExportDialog *self)
{
  g_autoptr(GtkStringList) preset_names = gtk_string_list_new (NULL);
  DmExportOptions defaults;

  /* Template signals fire while the template is built: set the model and
   * defaults first, with update () running only once at the end. */
  self->cancellable = g_cancellable_new ();
  self->preset = 0;
  self->frame_loading = self->frame_wanted = -1;
  gtk_widget_init_template (GTK_WIDGET (self));

  _dm_export_dialog_area_init (self);

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    gtk_string_list_append (preset_names, _(presets[i].label));
  adw_combo_row_set_model (self->preset_row, G_LIST_MODEL (preset_names));
  adw_combo_row_set_selected (self->preset_row, 0);

  dm_export_options_init (&defaults);
  gtk_switch_set_active (self->inset_switch, defaults.layout.show_inset);
  gtk_switch_set_active (self->basemap_switch, defaults.layout.show_basemap);

  gtk_drawing_area_set_draw_func (self->preview, preview_draw_cb, self, NULL);
  g_signal_connect (self, "notify::default-width", G_CALLBACK (width_changed_cb), NULL);
}

void
_dm_export_dialog_set_time_lapse (DmExportDialog *self,
                                  const char     *from,
                                  const char     *to,
                                  guint           every,
                                  double          fps)
{
  g_return_if_fail (DM_IS_EXPORT_DIALOG (self));

  gtk_toggle_button_set_active (self->animation_button, TRUE);
  adw_combo_row_set_selected (self->kind_row, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), to);
  gtk_spin_button_set_value (self->every_spin, every);
  gtk_spin_button_set_value (self->fps_spin, fps);
}

void
_dm_export_dialog_set_size (DmExportDialog *self,
                            int             width,
                            int             height)
{
  g_return_if_fail (DM_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->preset_row, PRESET_CUSTOM);
  gtk_spin_button_set_value (self->width_spin, width);
  gtk_spin_button_set_value (self->height_spin, height);
}

void
_dm_export_dialog_export_to (DmExportDialog *self,
                             const char     *path)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *base = NULL;
  ExportJob *job;
  DmExportFormat format;
  DmAnimationFormat anim_format;
  gboolean known_still, known_animation;

  g_return_if_fail (DM_IS_EXPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  if (self->busy)
    return;

  /* A name the user typed with another known extension means that format:
   * a PDF called map.png would open nowhere. */
  base = g_path_get_basename (path);
  known_still = strchr (base, '.') != NULL && dm_export_format_from_string (base, &format);
  known_animation = strchr (base, '.') != NULL &&
                    dm_animation_format_from_string (base, &anim_format);
  if (known_animation || (!known_still && _dm_export_dialog_is_animation (self)))
    {
      if (!known_animation)
        anim_format = _dm_export_dialog_get_animation_format (self);
      _dm_export_dialog_export_animation (self, path, anim_format);
      return;
    }

  job = g_new0 (ExportJob, 1);
  _dm_export_dialog_get_options (self, &job->options);
  if (known_still)
    job->options.format = format;
  job->title = g_strdup (job->options.layout.title);
  job->subtitle = g_strdup (job->options.layout.subtitle);
  job->options.layout.title = job->title;
  job->options.layout.subtitle = job->subtitle;
  /* The preview's page may change as the thread paints: a copy of its own. */
  job->annotations = dm_annotation_list_copy (self->annotations);
  job->options.layout.annotations = job->annotations;
  /* The still shows the compared proposal even when the mode was Animation. */
  job->options.layout.compare = self->compare;
  job->options.layout.transparent = gtk_switch_get_active (self->transparent_switch);
  if (job->options.layout.compare != NULL)
    job->compare = g_object_ref (job->options.layout.compare);
  job->path = g_strdup (path);
  /* Painting only reads the scene, and the snapshot is ours: the preview
   * may keep painting it while the thread does. */
  job->scene = g_object_ref (self->scene);

  _dm_export_dialog_set_busy (self, path);
  task = g_task_new (self, self->cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, _dm_export_dialog_export_to);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  dm_worker_run (task, export_thread);
}

/* A time-lapse of the last eight weeks up to the day shown, by week. */
static void
default_range (DmExportDialog *self)
{
  DmPartition *partition = dm_scene_get_partition (self->scene);
  GPtrArray *controls = self->catalog != NULL ? dm_catalog_get_controls (self->catalog) : NULL;
  const char *to = dm_partition_get_date (partition);
  const char *first = controls != NULL && controls->len > 0
                      ? ((const DmControlInfo *) g_ptr_array_index (controls, 0))->date : NULL;
  GDate date;
  char from[16];

  g_date_clear (&date, 1);
  g_date_set_parse (&date, to);
  if (!g_date_valid (&date))
    return;
  g_date_subtract_days (&date, 56);
  g_snprintf (from, sizeof from, "%04d-%02d-%02d", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
  gtk_editable_set_text (GTK_EDITABLE (self->from_row),
                         first != NULL && strcmp (from, first) < 0 ? first : from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), to);
}

void
dm_export_dialog_present (GtkWindow       *parent,
                          DmScene         *scene,
                          DmScenario      *compare,
                          const DmView    *view,
                          DmCatalog       *catalog,
                          AdwToastOverlay *toasts)
{
  DmExportDialog *self;
  DmScenario *scenario;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (scene != NULL);
  g_return_if_fail (toasts == NULL || ADW_IS_TOAST_OVERLAY (toasts));

  scenario = dm_scene_get_scenario (scene);
  if (scenario == NULL || dm_scene_get_partition (scene) == NULL)
    return;

  self = g_object_new (DM_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->scene = snapshot_scene (scene);
  self->annotations = dm_annotation_list_copy (dm_scenario_get_annotations (scenario));
  self->catalog = catalog != NULL ? dm_catalog_ref (catalog) : NULL;
  /* Comparing on screen: the page shows both maps on one view. */
  if (compare != NULL)
    self->compare = dm_scenario_new (dm_scenario_get_proposal (compare));
  g_set_weak_pointer (&self->toasts, toasts);

  self->has_view = view != NULL && view->width > 0 && view->height > 0 && view->zoom > 0;
  if (self->has_view)
    self->view = *view;
  adw_combo_row_set_selected (self->view_row, self->has_view ? DM_EXPORT_AREA_SAME : DM_EXPORT_AREA_FIT);
  gtk_widget_set_sensitive (GTK_WIDGET (self->animation_button), self->catalog != NULL);
  default_range (self);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         dm_proposal_get_title (dm_scenario_get_proposal (scenario)));
  self->default_subtitle = dm_layout_default_subtitle (self->scene);
  gtk_editable_set_text (GTK_EDITABLE (self->subtitle_row), self->default_subtitle);

  _dm_export_dialog_update (self);
  /* Enter exports: focus would otherwise land on Cancel, the first button. */
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (self->export_button);
}
