/* test-export.c: exports against golden images, SVG and PDF content, atomic writes and the CLI's exit codes. */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <gio/gio.h>

#include "dm-control.h"
#include "dm-error.h"
#include "dm-export.h"
#include "dm-test-util.h"

/* A pixel differs when a channel is off by more than this, and an image
 * matches when at most MAX_DIFF_FRACTION of its pixels differ: enough for
 * antialiasing and font hinting to drift, far too little for a region to
 * change colour. */
#define CHANNEL_TOLERANCE 40
#define MAX_DIFF_FRACTION 0.01

#define FIXED_DATE "2025-11-20"
#define PROPOSAL_A "us-28-point-2025-11"
#define PROPOSAL_B "ru-memorandum-2025-06"

static gboolean regenerate = FALSE;

/* The social sizes are laid out at full size and kept scaled down a third
 * (as a preview draws them): the proportions of type to map are what a
 * layout change would break. */
static const struct
{
  const char *proposal;
  int         width, height;      /* the golden image */
  const char *label;              /* NULL: the page is the image's size */
  int         page_w, page_h;
} goldens[] = {
  { PROPOSAL_A, 480, 270, NULL, 0, 0 },
  { PROPOSAL_A, 360, 360, NULL, 0, 0 },
  { PROPOSAL_B, 480, 270, NULL, 0, 0 },
  { PROPOSAL_B, 360, 360, NULL, 0, 0 },
  { PROPOSAL_A, 360, 360, "square", 1080, 1080 },
  { PROPOSAL_A, 360, 450, "portrait", 1080, 1350 },
  { PROPOSAL_A, 360, 640, "story", 1080, 1920 },
  { PROPOSAL_A, 400, 225, "card", 1200, 675 },
  { PROPOSAL_A, 640, 360, "hd", 1920, 1080 },
};

static DmCatalog *
get_catalog (void)
{
  static DmCatalog *catalog = NULL;

  if (catalog == NULL)
    {
      g_autoptr(GError) error = NULL;

      catalog = dm_catalog_new_default (&error);
      g_assert_no_error (error);
    }
  return catalog;
}

/* One bundled date, so goldens do not change when a newer one ships. */
static DmScene *
make_scene (const char *proposal_id)
{
  static DmPartition *partition = NULL;
  g_autoptr(DmScenario) scenario = NULL;
  DmProposal *proposal;
  DmScene *scene;

  if (partition == NULL)
    {
      g_autoptr(GError) error = NULL;
      const DmControlInfo *info = dm_catalog_find_control (get_catalog (), FIXED_DATE);
      g_autoptr(DmControlArea) control = NULL;

      g_assert_nonnull (info);
      control = dm_catalog_load_control (get_catalog (), info, NULL, &error);
      g_assert_no_error (error);
      partition = dm_partition_derive (dm_test_geodata (), control, NULL, &error);
      g_assert_no_error (error);
    }
  proposal = dm_catalog_find_proposal (get_catalog (), proposal_id);
  g_assert_nonnull (proposal);
  scenario = dm_scenario_new (proposal);
  scene = dm_scene_new (dm_test_geodata ());
  dm_scene_set_partition (scene, partition);
  dm_scene_set_scenario (scene, scenario);
  return scene;
}

static void
init_options (DmExportOptions *options,
              int              width,
              int              height)
{
  dm_export_options_init (options);
  options->width = width;
  options->height = height;
  options->layout.export_date = "2025-01-01";
}

static cairo_surface_t *
render_page (const char *proposal_id,
             int         page_w,
             int         page_h,
             int         width,
             int         height)
{
  g_autoptr(DmScene) scene = make_scene (proposal_id);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  DmExportOptions options;

  init_options (&options, page_w, page_h);
  dm_export_draw (scene, cr, &options, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static cairo_surface_t *
render (const char *proposal_id,
        int         width,
        int         height)
{
  return render_page (proposal_id, width, height, width, height);
}

static cairo_surface_t *
render_golden (guint i)
{
  if (goldens[i].label == NULL)
    return render (goldens[i].proposal, goldens[i].width, goldens[i].height);
  return render_page (goldens[i].proposal, goldens[i].page_w, goldens[i].page_h,
                      goldens[i].width, goldens[i].height);
}

static char *
golden_path (const char *proposal_id,
             const char *label,
             int         width,
             int         height)
{
  g_autofree char *name = g_strdup_printf ("%s%s%s-%dx%d.png", proposal_id, label ? "-" : "",
                                           label ? label : "", width, height);

  return g_build_filename (GOLDEN_DIR, name, NULL);
}

/* The fraction of pixels that differ beyond the channel tolerance. */
static double
diff_fraction (cairo_surface_t *a,
               cairo_surface_t *b)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  guint64 differing = 0;

  g_assert_cmpint (w, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (h, ==, cairo_image_surface_get_height (b));
  for (int y = 0; y < h; y++)
    {
      const guint32 *ra = (const guint32 *) (cairo_image_surface_get_data (a) +
                                             y * cairo_image_surface_get_stride (a));
      const guint32 *rb = (const guint32 *) (cairo_image_surface_get_data (b) +
                                             y * cairo_image_surface_get_stride (b));

      for (int x = 0; x < w; x++)
        for (int shift = 0; shift < 24; shift += 8)
          if (ABS ((int) ((ra[x] >> shift) & 0xff) - (int) ((rb[x] >> shift) & 0xff)) >
              CHANNEL_TOLERANCE)
            {
              differing++;
              break;
            }
    }
  return differing / (double) (w * h);
}

static cairo_surface_t *
load_golden (const char *proposal_id,
             const char *label,
             int         width,
             int         height)
{
  g_autofree char *path = golden_path (proposal_id, label, width, height);
  cairo_surface_t *golden = cairo_image_surface_create_from_png (path);

  if (cairo_surface_status (golden) != CAIRO_STATUS_SUCCESS)
    g_error ("cannot read golden image %s: %s; run “test-export --regenerate”", path,
             cairo_status_to_string (cairo_surface_status (golden)));
  /* PNGs load as ARGB32 or RGB24; the comparison reads RGB only. */
  return golden;
}

static void
test_golden (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  cairo_surface_t *image = render_golden (i);
  cairo_surface_t *golden = load_golden (goldens[i].proposal, goldens[i].label,
                                         goldens[i].width, goldens[i].height);
  double fraction = diff_fraction (image, golden);

  if (fraction > MAX_DIFF_FRACTION)
    {
      g_autofree char *name = g_strdup_printf ("actual-%s-%s-%dx%d.png", goldens[i].proposal,
                                               goldens[i].label ? goldens[i].label : "page",
                                               goldens[i].width, goldens[i].height);
      g_autofree char *out = g_build_filename (g_get_tmp_dir (), name, NULL);

      cairo_surface_write_to_png (image, out);
      g_test_message ("%.2f%% of pixels differ; the render is in %s", fraction * 100, out);
    }
  g_assert_cmpfloat (fraction, <=, MAX_DIFF_FRACTION);
  cairo_surface_destroy (image);
  cairo_surface_destroy (golden);
}

/* The comparison must be able to fail: another proposal is another map. */
static void
test_golden_detects_difference (void)
{
  cairo_surface_t *istanbul = render (PROPOSAL_B, 480, 270);
  cairo_surface_t *golden = load_golden (PROPOSAL_A, NULL, 480, 270);

  g_assert_cmpfloat (diff_fraction (istanbul, golden), >, MAX_DIFF_FRACTION * 3);
  cairo_surface_destroy (istanbul);
  cairo_surface_destroy (golden);
}

static char *
scratch_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("demarcate-export-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_svg (void)
{
  g_autoptr(DmScene) scene = make_scene (PROPOSAL_A);
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "map.svg", NULL);
  g_autofree char *svg = NULL;
  g_autoptr(GError) error = NULL;
  DmExportOptions options;

  init_options (&options, 1920, 1080);
  options.format = DM_EXPORT_SVG;
  g_assert_true (dm_export_to_file (scene, &options, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &svg, NULL, &error));
  g_assert_true (g_str_has_prefix (svg, "<?xml"));
  /* Labels are real text, the overlay is vectors, and layers are named. */
  g_assert_nonnull (strstr (svg, ">Donetsk</text>"));
  g_assert_nonnull (strstr (svg, ">US 28-point plan (point 21)</text>"));
  g_assert_null (strstr (svg, "<image"));
  g_assert_nonnull (strstr (svg, "<g id=\"donetsk-ukrainian-held\" "
                                 "inkscape:label=\"Donetsk, Ukrainian-held part\""));
  g_assert_nonnull (strstr (svg, "<g id=\"line-of-contact\""));
  g_assert_nonnull (strstr (svg, "</svg>"));
  g_assert_cmpuint (count_entries (dir), ==, 1);
}

static char *
export_svg (DmExportOptions *options)
{
  g_autoptr(DmScene) scene = make_scene (PROPOSAL_A);
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "map.svg", NULL);
  g_autoptr(GError) error = NULL;
  char *svg = NULL;

  options->format = DM_EXPORT_SVG;
  g_assert_true (dm_export_to_file (scene, options, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &svg, NULL, &error));
  g_unlink (path);
  g_rmdir (dir);
  return svg;
}

/* --bbox donbas: the map fits Luhansk and Donetsk; the names of places
 * and regions outside it are dropped, not cut by the frame. */
static void
test_bbox (void)
{
  g_autofree char *whole = NULL;
  g_autofree char *donbas = NULL;
  DmExportOptions options;
  double extent[4];

  init_options (&options, 1080, 1350);
  whole = export_svg (&options);
  g_assert_nonnull (strstr (whole, ">Sevastopol</text>"));
  g_assert_nonnull (strstr (whole, ">Crimea</text>"));

  g_assert_true (dm_layout_named_extent (dm_test_geodata (), "donbas", options.layout.extent));
  options.layout.has_extent = TRUE;
  donbas = export_svg (&options);
  g_assert_nonnull (strstr (donbas, ">Kramatorsk</text>"));
  /* For editors: one element a label, its halo the stroke painted under
   * the fill, and the font by PostScript name first (Illustrator). */
  g_assert_null (strstr (strstr (donbas, ">Kramatorsk</text>") + 1, ">Kramatorsk</text>"));
  g_assert_nonnull (strstr (donbas, "paint-order=\"stroke\">Kramatorsk</text>"));
  g_assert_null (strstr (donbas, "<text xml:space=\"preserve\" x=\"0\""));
  g_assert_nonnull (strstr (donbas, "font-family=\"'Cantarell-Bold', 'Cantarell', "));
  g_assert_nonnull (strstr (donbas, "font-family=\"'Cantarell-Regular', 'Cantarell', "));
  g_assert_nonnull (strstr (donbas, ">Luhansk</text>"));
  g_assert_null (strstr (donbas, ">Sevastopol</text>"));
  g_assert_null (strstr (donbas, ">Odesa</text>"));
  g_assert_null (strstr (donbas, ">Crimea</text>"));
  g_assert_null (strstr (donbas, ">Kherson</text>"));

  g_assert_false (dm_layout_named_extent (dm_test_geodata (), "atlantis", extent));
  g_assert_true (dm_layout_lonlat_extent (36.5, 46.9, 40.3, 50.1, extent));
  g_assert_false (dm_layout_lonlat_extent (40.3, 46.9, 36.5, 50.1, extent));
  g_assert_false (dm_layout_lonlat_extent (36.5, 46.9, 40.3, 95, extent));
}

/* --annotate: each label is real text inside the SVG's "Annotations"
 * layer; a point off the map is left out; bad specs are refused. */
static void
test_annotations (void)
{
  g_autoptr(DmAnnotationList) list = dm_annotation_list_new ();
  g_autoptr(DmAnnotation) near = dm_annotation_new (DM_ANNOTATION_CALLOUT,
                                                    "Pokrovsk & Myrnohrad", 37.18, 48.28);
  g_autoptr(DmAnnotation) far = dm_annotation_new (DM_ANNOTATION_CALLOUT, "Far away", 10.0, 50.0);
  g_autoptr(DmAnnotation) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *svg = NULL;
  const char *group, *end;
  DmExportOptions options;

  dm_annotation_list_add (list, near);
  dm_annotation_list_add (list, far);
  init_options (&options, 1080, 1080);
  options.layout.annotations = list;
  svg = export_svg (&options);
  group = strstr (svg, "<g id=\"annotations\" inkscape:label=\"Annotations\"");
  g_assert_nonnull (group);
  end = strstr (group, "</g>");
  g_assert_nonnull (end);
  g_assert_nonnull (g_strstr_len (group, end - group, ">Pokrovsk &amp; Myrnohrad</text>"));
  g_assert_null (strstr (svg, "Far away"));

  parsed = dm_annotation_parse ("Kupiansk @ night@37.61, 49.71", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (parsed->text, ==, "Kupiansk @ night");
  g_assert_cmpfloat_with_epsilon (parsed->lon, 37.61, 1e-9);
  g_assert_cmpfloat_with_epsilon (parsed->lat, 49.71, 1e-9);
  for (guint i = 0; i < 5; i++)
    {
      const char *bad[] = { "no point", "@37,48", "X@37", "X@37,north", "X@200,48" };
      DmAnnotation *a = dm_annotation_parse (bad[i], &error);

      g_assert_null (a);
      g_assert_error (error, DM_ERROR, DM_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i]));
      g_clear_error (&error);
    }
}

/* Two proposals side by side: each map names its proposal and its line's
 * day, the legend explains the outline, both proposals' sources are
 * listed, and the baseline's placeholder source is the named line. */
static void
test_compare (void)
{
  g_autoptr(DmScenario) b = dm_scenario_new (dm_catalog_find_proposal (get_catalog (),
                                                                       PROPOSAL_B));
  g_autoptr(DmScenario) loc = dm_scenario_new (dm_catalog_find_proposal (get_catalog (),
                                                                         "line-of-contact"));
  g_autofree char *svg = NULL;
  g_autofree char *svg_loc = NULL;
  DmExportOptions options;

  init_options (&options, 1920, 1080);
  options.layout.compare = b;
  /* A window's wide view must not make two tall panels of the Black Sea. */
  options.layout.has_view = TRUE;
  options.layout.center_x = 0.6;
  options.layout.center_y = 0.3;
  options.layout.zoom = 3;
  options.layout.screen_width = 1920;
  options.layout.screen_height = 1080;
  svg = export_svg (&options);
  g_assert_nonnull (strstr (svg, ">US 28-point plan (point 21) · line of " FIXED_DATE "</text>"));
  g_assert_nonnull (strstr (svg, " · line of " FIXED_DATE "</text>\n<g id=\"map-left\""));
  g_assert_nonnull (strstr (svg, ">Outlined: the two proposals treat this part"));
  g_assert_nonnull (strstr (svg, "Axios (2025-11-20)"));
  g_assert_nonnull (strstr (svg, "TASS"));
  g_assert_nonnull (strstr (svg, ">Crimea</text>"));
  g_assert_nonnull (strstr (strstr (svg, "<g id=\"map-right\""), ">Crimea</text>"));

  options.layout.compare = loc;
  svg_loc = export_svg (&options);
  g_assert_null (strstr (svg_loc, "Control-area dataset in use"));
  g_assert_nonnull (strstr (svg_loc, "Reuters"));
}

static guint
alpha_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *row = cairo_image_surface_get_data (surface) +
                      (gsize) y * cairo_image_surface_get_stride (surface);

  return ((const guint32 *) row)[x] >> 24;
}

/* --transparent: the page around the map is see-through in the PNG, the
 * map (with its basemap) opaque; without the basemap, the map too. */
static void
test_transparent_png (void)
{
  g_autoptr(DmScene) scene = make_scene (PROPOSAL_A);
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "clear.png", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *png;
  DmExportOptions options;

  init_options (&options, 480, 480);
  options.layout.transparent = TRUE;
  g_assert_true (dm_export_to_file (scene, &options, path, &error));
  g_assert_no_error (error);
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_format (png), ==, CAIRO_FORMAT_ARGB32);
  g_assert_cmpuint (alpha_at (png, 1, 1), ==, 0);
  g_assert_cmpuint (alpha_at (png, 479, 479), ==, 0);
  g_assert_cmpuint (alpha_at (png, 240, 160), ==, 255);
  cairo_surface_destroy (png);

  options.layout.show_basemap = FALSE;
  g_assert_true (dm_export_to_file (scene, &options, path, &error));
  g_assert_no_error (error);
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpuint (alpha_at (png, 1, 1), ==, 0);
  /* Somewhere in the map frame, away from the overlay: Belarus. */
  g_assert_cmpuint (alpha_at (png, 40, 90), <, 255);
  cairo_surface_destroy (png);

  /* The default stays opaque, RGB. */
  options.layout.transparent = FALSE;
  g_assert_true (dm_export_to_file (scene, &options, path, &error));
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_image_surface_get_format (png), ==, CAIRO_FORMAT_RGB24);
  cairo_surface_destroy (png);
}

static void
test_pdf (void)
{
  g_autoptr(DmScene) scene = make_scene (PROPOSAL_A);
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "map.pdf", NULL);
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  DmExportOptions options;

  init_options (&options, 0, 0);
  options.format = DM_EXPORT_PDF;
  options.paper = DM_PAPER_A4;
  options.dpi = 150;
  options.layout.title = "Territory under the 28-point plan";
  g_assert_true (dm_export_to_file (scene, &options, path, &error));
  g_assert_no_error (error);

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, "pdftotext", path, "-",
                           NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (proc));
  g_assert_nonnull (strstr (out, "Territory under the 28-point plan"));
  g_assert_nonnull (strstr (out, "Donetsk"));
  g_assert_nonnull (strstr (out, "Natural Earth"));
}

static void
test_png_file (void)
{
  g_autoptr(DmScene) scene = make_scene (PROPOSAL_A);
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "map.png", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *written, *drawn;
  DmExportOptions options;

  init_options (&options, 480, 270);
  g_assert_true (dm_export_to_file (scene, &options, path, &error));
  g_assert_no_error (error);
  /* Our libpng writer and cairo's reader agree with the painter. */
  written = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (written), ==, CAIRO_STATUS_SUCCESS);
  drawn = render (PROPOSAL_A, 480, 270);
  g_assert_cmpfloat (diff_fraction (written, drawn), ==, 0);
  cairo_surface_destroy (written);
  cairo_surface_destroy (drawn);
  g_assert_cmpuint (count_entries (dir), ==, 1);
}

static void
test_fail_missing_dir (void)
{
  g_autoptr(DmScene) scene = make_scene (PROPOSAL_A);
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "no-such-dir", "map.png", NULL);
  g_autoptr(GError) error = NULL;
  DmExportOptions options;

  init_options (&options, 320, 200);
  g_assert_false (dm_export_to_file (scene, &options, path, &error));
  g_assert_error (error, DM_ERROR, DM_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (dir), ==, 0);
}

/* Tests run as root, where chmod does not stop writes: a directory in the
 * way of the target makes the final rename fail instead. */
static void
test_fail_target_is_dir (void)
{
  g_autoptr(DmScene) scene = make_scene (PROPOSAL_A);
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "map.svg", NULL);
  g_autofree char *inside = g_build_filename (path, "keep", NULL);
  g_autoptr(GError) error = NULL;
  DmExportOptions options;

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  g_assert_true (g_file_set_contents (inside, "old", -1, NULL));
  init_options (&options, 320, 200);
  options.format = DM_EXPORT_SVG;
  g_assert_false (dm_export_to_file (scene, &options, path, &error));
  g_assert_error (error, DM_ERROR, DM_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (g_file_test (inside, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_entries (dir), ==, 1);
}

/* A write that fails half-way (the file-size limit stands in for a full
 * disk) keeps the old file and leaves no temporary one. */
static void
test_fail_midway_keeps_old (void)
{
  g_autoptr(DmScene) scene = make_scene (PROPOSAL_A);
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "map.png", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  struct rlimit old_limit, limit;
  DmExportOptions options;
  gboolean ok;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  init_options (&options, 960, 540);

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  limit = old_limit;
  limit.rlim_cur = 20000;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  ok = dm_export_to_file (scene, &options, path, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);

  g_assert_false (ok);
  g_assert_error (error, DM_ERROR, DM_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_cmpuint (count_entries (dir), ==, 1);
}

static void
test_cli (void)
{
  const char *binary = g_getenv ("DEMARCATE_BINARY");
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "cli.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "missing", "cli.png", NULL);
  g_autofree char *err = NULL;
  g_autoptr(GSubprocess) ok = NULL;
  g_autoptr(GSubprocess) fail = NULL;
  g_autoptr(GError) error = NULL;

  /* meson sets it (tests/meson.build); without it this test cannot run. */
  g_assert_nonnull (binary);
  g_assert_true (g_file_test (binary, G_FILE_TEST_IS_EXECUTABLE));
  ok = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, binary, "export", "--proposal",
                         PROPOSAL_A, "--date", FIXED_DATE, "--paper", "a4", "--dpi", "72",
                         "-o", path, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (ok, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  fail = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_PIPE, &error, binary, "export",
                           "--proposal", PROPOSAL_A, "-o", bad, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (fail, NULL, NULL, NULL, &err, &error));
  g_assert_cmpint (g_subprocess_get_exit_status (fail), !=, 0);
  g_assert_nonnull (strstr (err, bad));
  g_assert_cmpuint (count_entries (dir), ==, 1);
}

/* export --lang uk: title, legend, region names and credits in
 * Ukrainian, whatever the environment's locale (C.UTF-8 in tests). */
static void
test_lang_uk (void)
{
  const char *binary = g_getenv ("DEMARCATE_BINARY");
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "uk.svg", NULL);
  g_autofree char *svg = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (binary);
  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_PIPE, &error, binary, "export",
                           "--proposal", PROPOSAL_A, "--date", FIXED_DATE, "--lang", "uk",
                           "--size", "portrait", "-o", path, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, NULL, &err, &error));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  g_assert_true (g_file_get_contents (path, &svg, NULL, &error));
  g_assert_nonnull (strstr (svg, ">План США з 28 пунктів (пункт 21)</text>"));
  g_assert_nonnull (strstr (svg, ">Легенда</text>"));
  g_assert_nonnull (strstr (svg, ">Луганськ</text>"));
  g_assert_nonnull (strstr (svg, ">Крим</text>"));
  g_assert_nonnull (strstr (svg, "Лінія зіткнення: DeepStateMap, " FIXED_DATE));
  g_assert_null (strstr (svg, ">Legend</text>"));
  g_clear_object (&proc);

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_PIPE, &error, binary, "export",
                           "--proposal", PROPOSAL_A, "--lang", "xx", "-o", path, NULL);
  g_assert_no_error (error);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, NULL, &err, &error));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 2);
  g_assert_nonnull (strstr (err, "--lang"));
}

static void
write_goldens (void)
{
  g_mkdir_with_parents (GOLDEN_DIR, 0755);
  for (guint i = 0; i < G_N_ELEMENTS (goldens); i++)
    {
      cairo_surface_t *image = render_golden (i);
      g_autofree char *path = golden_path (goldens[i].proposal, goldens[i].label,
                                           goldens[i].width, goldens[i].height);

      g_assert_cmpint (cairo_surface_write_to_png (image, path), ==, CAIRO_STATUS_SUCCESS);
      g_print ("wrote %s\n", path);
      cairo_surface_destroy (image);
    }
}

int
main (int    argc,
      char **argv)
{
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--regenerate"))
      {
        regenerate = TRUE;
        argv[i] = (char *) "";
      }
  g_test_init (&argc, &argv, NULL);
  if (regenerate)
    {
      write_goldens ();
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (goldens); i++)
    {
      g_autofree char *name = g_strdup_printf ("/export/golden/%s%s%s-%dx%d",
                                               goldens[i].proposal,
                                               goldens[i].label ? "-" : "",
                                               goldens[i].label ? goldens[i].label : "",
                                               goldens[i].width, goldens[i].height);

      g_test_add_data_func (name, GUINT_TO_POINTER (i), test_golden);
    }
  g_test_add_func ("/export/golden/detects-difference", test_golden_detects_difference);
  g_test_add_func ("/export/png", test_png_file);
  g_test_add_func ("/export/svg", test_svg);
  g_test_add_func ("/export/pdf", test_pdf);
  g_test_add_func ("/export/bbox", test_bbox);
  g_test_add_func ("/export/compare", test_compare);
  g_test_add_func ("/export/annotations", test_annotations);
  g_test_add_func ("/export/transparent-png", test_transparent_png);
  g_test_add_func ("/export/fail/missing-dir", test_fail_missing_dir);
  g_test_add_func ("/export/fail/target-is-dir", test_fail_target_is_dir);
  g_test_add_func ("/export/fail/midway-keeps-old", test_fail_midway_keeps_old);
  g_test_add_func ("/export/cli", test_cli);
  g_test_add_func ("/export/lang-uk", test_lang_uk);
  return g_test_run ();
}
