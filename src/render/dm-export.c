/* dm-export.c: paints the page onto an image, PDF or SVG-recording cairo_t and writes it atomically. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "dm-draw.h"
#include "dm-error.h"
#include "dm-export.h"
#include "dm-file.h"
#include "dm-overlay-paint.h"
#include "dm-png.h"
#include "dm-render-enums.h"

/* zlib level for PNGs: see dm-png.h. */
#define PNG_LEVEL 1

void
dm_export_options_init (DmExportOptions *options)
{
  *options = (DmExportOptions) { 0, };
  options->format = DM_EXPORT_PNG;
  options->paper = DM_PAPER_NONE;
  options->width = 1920;
  options->height = 1080;
  options->dpi = 300;
  options->layout.show_inset = TRUE;
  options->layout.show_basemap = TRUE;
  options->layout.basemap_style = DM_BASEMAP_LIGHT;
}

void
dm_export_get_size (const DmExportOptions *options,
                    int                   *width,
                    int                   *height,
                    double                *scale)
{
  double w, h;

  if (options->paper != DM_PAPER_NONE)
    {
      double dpi = options->dpi > 0 ? options->dpi : 300;
      double mm_w = options->paper == DM_PAPER_A3 ? 420 : 297;
      double mm_h = options->paper == DM_PAPER_A3 ? 297 : 210;

      w = round (mm_w / 25.4 * dpi);
      h = round (mm_h / 25.4 * dpi);
      *scale = dpi / 96.0;
      /* Paper is landscape unless asked. */
    }
  else
    {
      w = MAX (options->width, 16);
      h = MAX (options->height, 16);
      if (options->portrait && w > h)
        {
          double t = w;
          w = h;
          h = t;
        }
      /* Pixel sizes are mostly seen on a phone, the picture as wide as the
       * screen: a square or tall page needs about twice the type of a
       * 16:9 one of the same width, a 16:9 page a bit more than a desktop
       * screen's, and a small card (1200×675) a bit more again. */
      if (w < h * 1.15)
        *scale = MAX (0.5, 2.1 * w / 1080.0);
      else
        *scale = MAX (0.5, 1.35 * MIN (w, h) / 1080.0 * (w < 1600 ? 1.2 : 1.0));
    }
  if (options->paper != DM_PAPER_NONE && options->portrait)
    {
      double t = w;
      w = h;
      h = t;
    }
  *width = (int) w;
  *height = (int) h;
}

void
dm_export_draw (DmScene               *scene,
                cairo_t               *cr,
                const DmExportOptions *options,
                double                 width,
                double                 height)
{
  int tw, th;
  double scale, k;

  dm_export_get_size (options, &tw, &th, &scale);
  /* A preview is the page scaled down as a whole; it need not have the
   * page's aspect, so fit and centre it. */
  k = MIN (width / tw, height / th);
  cairo_save (cr);
  cairo_translate (cr, (width - tw * k) / 2, (height - th * k) / 2);
  dm_layout_draw (scene, cr, &options->layout, tw * k, th * k, scale * k);
  cairo_restore (cr);
}

gboolean
dm_export_format_from_string (const char     *str,
                              DmExportFormat *format)
{
  g_autoptr(GEnumClass) formats = NULL;
  GEnumValue *value;
  g_autofree char *nick = NULL;
  const char *dot;

  if (str == NULL)
    return FALSE;
  dot = strrchr (str, '.');
  if (dot != NULL)
    str = dot + 1;
  formats = g_type_class_ref (DM_TYPE_EXPORT_FORMAT);
  nick = g_ascii_strdown (str, -1);
  value = g_enum_get_value_by_nick (formats, nick);
  if (value == NULL)
    return FALSE;
  *format = value->value;
  return TRUE;
}

/* "png", "svg" or "pdf". */
const char *
dm_export_format_to_string (DmExportFormat format)
{
  g_autoptr(GEnumClass) formats = g_type_class_ref (DM_TYPE_EXPORT_FORMAT);
  GEnumValue *value = g_enum_get_value (formats, format);

  /* Nicks are string literals of the generated enum table. */
  return value ? value->value_nick : "png";
}

/* DEMARCATE_TIMING: for tools/bench-export.sh. Read once (exports run in
 * worker threads). */
static gboolean
timing (void)
{
  static gsize once = 0;
  static gboolean on = FALSE;

  if (g_once_init_enter (&once))
    {
      on = g_getenv ("DEMARCATE_TIMING") != NULL;
      g_once_init_leave (&once, 1);
    }
  return on;
}

static void
report_time (const char *what,
             gint64      since)
{
  if (timing ())
    g_printerr ("demarcate: %s %.1f ms\n", what, (g_get_monotonic_time () - since) / 1000.0);
}

/* What the writers need; they write to stream and report only the
 * reason, which dm_file_write_atomic_stream () puts after the file name. */
typedef struct
{
  DmScene               *scene;
  const DmExportOptions *options;
  GOutputStream         *stream;
  GError                *stream_error;  /* a failed write through cairo */
} Job;

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  Job *job = closure;

  if (job->stream_error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  return g_output_stream_write_all (job->stream, data, length, NULL, NULL, &job->stream_error)
         ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static gboolean
cairo_failed (Job             *job,
              cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return FALSE;
  if (job->stream_error != NULL)
    g_propagate_error (error, g_steal_pointer (&job->stream_error));
  else
    g_set_error_literal (error, DM_ERROR, DM_ERROR_IO, cairo_status_to_string (status));
  return TRUE;
}

typedef struct
{
  Job            *job;
  int             width, height;
  double          scale;
  cairo_status_t  status;  /* the first band's failure */
  GMutex          lock;
} PagePaint;

static void
paint_page (cairo_t  *cr,
            gpointer  data)
{
  PagePaint *page = data;

  dm_layout_draw (page->job->scene, cr, &page->job->options->layout, page->width,
                  page->height, page->scale);
  g_mutex_lock (&page->lock);
  if (page->status == CAIRO_STATUS_SUCCESS)
    page->status = cairo_status (cr);
  g_mutex_unlock (&page->lock);
}

static gboolean
write_png (Job     *job,
           GError **error)
{
  int w, h;
  double scale;
  cairo_surface_t *surface;
  gboolean ok;
  gint64 t0 = g_get_monotonic_time ();

  dm_export_get_size (job->options, &w, &h, &scale);
  /* An opaque page is RGB24, which saves the alpha work in paint and
   * encode; a transparent one keeps its alpha to the file. */
  surface = cairo_image_surface_create (job->options->layout.transparent ? CAIRO_FORMAT_ARGB32
                                                                          : CAIRO_FORMAT_RGB24,
                                        w, h);
  if (cairo_failed (job, cairo_surface_status (surface), error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  /* In bands on every core: the page's painter depends only on the
   * transform, so the bands are the page one pass would paint. */
  {
    g_autoptr(DmOverlayPainter) painter = dm_overlay_painter_new (0);
    PagePaint page = { job, w, h, scale, CAIRO_STATUS_SUCCESS };

    g_mutex_init (&page.lock);
    dm_overlay_painter_run (painter, surface, FALSE, paint_page, &page);
    g_mutex_clear (&page.lock);
    ok = !cairo_failed (job, page.status, error);
  }
  report_time ("paint", t0);
  t0 = g_get_monotonic_time ();
  if (ok)
    ok = dm_png_write (surface, job->stream, PNG_LEVEL, job->options->layout.transparent, error);
  report_time ("encode", t0);
  cairo_surface_destroy (surface);
  return ok;
}

static gboolean
write_pdf (Job     *job,
           GError **error)
{
  const DmExportOptions *options = job->options;
  int w, h;
  double scale, to_pt;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  gint64 t0 = g_get_monotonic_time ();

  dm_export_get_size (options, &w, &h, &scale);
  /* Device units are dots at the chosen dpi (CSS pixels for pixel sizes);
   * the page is in points. */
  to_pt = 72.0 / (options->paper != DM_PAPER_NONE ? (options->dpi > 0 ? options->dpi : 300)
                                                  : 96.0);
  surface = cairo_pdf_surface_create_for_stream (write_to_stream, job, w * to_pt, h * to_pt);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Demarcate " PACKAGE_VERSION);
  if (options->layout.title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, options->layout.title);
  cr = cairo_create (surface);
  cairo_scale (cr, to_pt, to_pt);
  dm_layout_draw (job->scene, cr, &options->layout, w, h, scale);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  report_time ("paint+encode (pdf)", t0);
  return !cairo_failed (job, status, error);
}

static gboolean
write_svg (Job     *job,
           GError **error)
{
  const DmExportOptions *options = job->options;
  int w, h;
  double scale;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(DmSvg) svg = NULL;
  GString *doc;
  gboolean ok;
  gint64 t0 = g_get_monotonic_time ();

  dm_export_get_size (options, &w, &h, &scale);
  if (options->paper != DM_PAPER_NONE)
    {
      double dpi = options->dpi > 0 ? options->dpi : 300;

      svg = dm_svg_new (w, h, "mm", w / dpi * 25.4, h / dpi * 25.4);
    }
  else
    svg = dm_svg_new (w, h, "", w, h);

  /* The recorder writes the document; the cairo_t only keeps the path,
   * clip and state, on a surface that is never rasterised. */
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                            &(cairo_rectangle_t) { 0, 0, w, h });
  cr = cairo_create (surface);
  dm_draw_svg_attach (cr, svg);
  dm_layout_draw (job->scene, cr, &options->layout, w, h, scale);
  ok = !cairo_failed (job, cairo_status (cr), error);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  if (!ok)
    return FALSE;

  doc = dm_svg_finish (svg);
  ok = g_output_stream_write_all (job->stream, doc->str, doc->len, NULL, NULL, error);
  g_string_free (doc, TRUE);
  report_time ("paint+encode (svg)", t0);
  return ok;
}

static gboolean
write_page (GOutputStream  *stream,
            gpointer        user_data,
            GCancellable   *cancellable,
            GError        **error)
{
  Job *job = user_data;
  gboolean ok;

  job->stream = stream;
  switch (job->options->format)
    {
    case DM_EXPORT_SVG:
      ok = write_svg (job, error);
      break;
    case DM_EXPORT_PDF:
      ok = write_pdf (job, error);
      break;
    case DM_EXPORT_PNG:
    default:
      ok = write_png (job, error);
      break;
    }
  g_clear_error (&job->stream_error);
  return ok;
}

gboolean
dm_export_to_file (DmScene               *scene,
                   const DmExportOptions *options,
                   const char            *path,
                   GError               **error)
{
  Job job = { scene, options, NULL, NULL };

  g_return_val_if_fail (scene != NULL && options != NULL && path != NULL, FALSE);

  if (dm_scene_get_scenario (scene) == NULL || dm_scene_get_partition (scene) == NULL)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                   _("Cannot write “%s”: nothing to export (no proposal or control area)"), path);
      return FALSE;
    }
  return dm_file_write_atomic_stream (path, write_page, &job, NULL, error);
}
