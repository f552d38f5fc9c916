/* dm-export.c: paints the page onto an image, PDF or SVG-recording cairo_t and writes it atomically. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dm-draw.h"
#include "dm-error.h"
#include "dm-export.h"
#include "dm-png.h"

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
  const char *dot;

  if (str == NULL)
    return FALSE;
  dot = strrchr (str, '.');
  if (dot != NULL)
    str = dot + 1;
  if (g_ascii_strcasecmp (str, "png") == 0)
    *format = DM_EXPORT_PNG;
  else if (g_ascii_strcasecmp (str, "svg") == 0)
    *format = DM_EXPORT_SVG;
  else if (g_ascii_strcasecmp (str, "pdf") == 0)
    *format = DM_EXPORT_PDF;
  else
    return FALSE;
  return TRUE;
}

const char *
dm_export_format_to_string (DmExportFormat format)
{
  switch (format)
    {
    case DM_EXPORT_SVG: return "svg";
    case DM_EXPORT_PDF: return "pdf";
    case DM_EXPORT_PNG:
    default:            return "png";
    }
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

static cairo_status_t
write_to_file (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  return fwrite (data, 1, length, closure) == length ? CAIRO_STATUS_SUCCESS
                                                     : CAIRO_STATUS_WRITE_ERROR;
}

static gboolean
cairo_failed (cairo_status_t   status,
              const char      *path,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return FALSE;
  g_set_error (error, DM_ERROR, DM_ERROR_IO, _("Cannot write “%s”: %s"), path,
               status == CAIRO_STATUS_WRITE_ERROR ? g_strerror (errno)
                                                  : cairo_status_to_string (status));
  return TRUE;
}

static gboolean
write_png (DmScene               *scene,
           const DmExportOptions *options,
           FILE                  *file,
           const char            *path,
           GError               **error)
{
  int w, h;
  double scale;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;
  gint64 t0 = g_get_monotonic_time ();

  dm_export_get_size (options, &w, &h, &scale);
  /* An opaque page is RGB24, which saves the alpha work in paint and
   * encode; a transparent one keeps its alpha to the file. */
  surface = cairo_image_surface_create (options->layout.transparent ? CAIRO_FORMAT_ARGB32
                                                                    : CAIRO_FORMAT_RGB24, w, h);
  if (cairo_failed (cairo_surface_status (surface), path, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  cr = cairo_create (surface);
  dm_layout_draw (scene, cr, &options->layout, w, h, scale);
  ok = !cairo_failed (cairo_status (cr), path, error);
  cairo_destroy (cr);
  report_time ("paint", t0);
  t0 = g_get_monotonic_time ();
  if (ok)
    ok = dm_png_write (surface, file, path, PNG_LEVEL, options->layout.transparent, error);
  report_time ("encode", t0);
  cairo_surface_destroy (surface);
  return ok;
}

static gboolean
write_pdf (DmScene               *scene,
           const DmExportOptions *options,
           FILE                  *file,
           const char            *path,
           GError               **error)
{
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
  surface = cairo_pdf_surface_create_for_stream (write_to_file, file, w * to_pt, h * to_pt);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Demarcate " PACKAGE_VERSION);
  if (options->layout.title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, options->layout.title);
  cr = cairo_create (surface);
  cairo_scale (cr, to_pt, to_pt);
  dm_layout_draw (scene, cr, &options->layout, w, h, scale);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  report_time ("paint+encode (pdf)", t0);
  return !cairo_failed (status, path, error);
}

static gboolean
write_svg (DmScene               *scene,
           const DmExportOptions *options,
           FILE                  *file,
           const char            *path,
           GError               **error)
{
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
  dm_layout_draw (scene, cr, &options->layout, w, h, scale);
  ok = !cairo_failed (cairo_status (cr), path, error);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  if (!ok)
    return FALSE;

  doc = dm_svg_finish (svg);
  ok = fwrite (doc->str, 1, doc->len, file) == doc->len && fflush (file) == 0;
  if (!ok)
    g_set_error (error, DM_ERROR, DM_ERROR_IO, _("Cannot write “%s”: %s"), path,
                 g_strerror (errno));
  g_string_free (doc, TRUE);
  report_time ("paint+encode (svg)", t0);
  return ok;
}

gboolean
dm_export_to_file (DmScene               *scene,
                   const DmExportOptions *options,
                   const char            *path,
                   GError               **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *tmpl = NULL;
  FILE *file;
  gboolean ok;
  int fd, saved_errno;

  g_return_val_if_fail (scene != NULL && options != NULL && path != NULL, FALSE);

  if (dm_scene_get_scenario (scene) == NULL || dm_scene_get_partition (scene) == NULL)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_INVALID,
                   _("Cannot write “%s”: nothing to export (no proposal or control area)"), path);
      return FALSE;
    }

  /* The temporary file must be in the target's folder: rename () is only
   * atomic within one file system. Hidden, so a file manager does not
   * flash it. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmpl = g_strdup_printf (".%s.XXXXXX", base);
  tmp = g_build_filename (dir, tmpl, NULL);
  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, DM_ERROR, DM_ERROR_IO, _("Cannot write “%s”: %s"), path,
                   g_strerror (saved_errno));
      return FALSE;
    }
  file = fdopen (fd, "wb");
  if (file == NULL)
    {
      saved_errno = errno;
      close (fd);
      g_unlink (tmp);
      g_set_error (error, DM_ERROR, DM_ERROR_IO, _("Cannot write “%s”: %s"), path,
                   g_strerror (saved_errno));
      return FALSE;
    }

  switch (options->format)
    {
    case DM_EXPORT_SVG:
      ok = write_svg (scene, options, file, path, error);
      break;
    case DM_EXPORT_PDF:
      ok = write_pdf (scene, options, file, path, error);
      break;
    case DM_EXPORT_PNG:
    default:
      ok = write_png (scene, options, file, path, error);
      break;
    }

  /* Data on disk before the name points at it, or a crash could leave an
   * empty file where the old one was. */
  if (ok && (fflush (file) != 0 || fsync (fileno (file)) != 0))
    {
      ok = FALSE;
      g_set_error (error, DM_ERROR, DM_ERROR_IO, _("Cannot write “%s”: %s"), path,
                   g_strerror (errno));
    }
  if (fclose (file) != 0 && ok)
    {
      ok = FALSE;
      g_set_error (error, DM_ERROR, DM_ERROR_IO, _("Cannot write “%s”: %s"), path,
                   g_strerror (errno));
    }
  if (ok && g_rename (tmp, path) != 0)
    {
      saved_errno = errno;
      ok = FALSE;
      g_set_error (error, DM_ERROR, DM_ERROR_IO, _("Cannot write “%s”: %s"), path,
                   g_strerror (saved_errno));
    }
  if (!ok)
    g_unlink (tmp);
  return ok;
}
