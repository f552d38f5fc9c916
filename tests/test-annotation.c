/* test-annotation.c: the annotation model, its JSON and bounds, undo, scenario files, and what the painter puts in SVG and PNG. */
#include "config.h"

#include <string.h>

#include "dm-annotation-draw.h"
#include "dm-annotation-history.h"
#include "dm-error.h"
#include "dm-export.h"
#include "dm-scenario.h"
#include "dm-shape.h"
#include "dm-test-util.h"

#define FIXED_DATE "2025-11-20"

static DmAnnotationList *
sample_list (void)
{
  DmAnnotationList *list = dm_annotation_list_new ();
  g_autoptr(DmAnnotation) callout = dm_annotation_new (DM_ANNOTATION_CALLOUT, "Pokrovsk",
                                                       37.18, 48.28);
  g_autoptr(DmAnnotation) label = dm_annotation_new (DM_ANNOTATION_LABEL, "Front <east>",
                                                     38.0, 48.0);
  g_autoptr(DmAnnotation) arrow = dm_annotation_new (DM_ANNOTATION_ARROW, "Push", 37.0, 47.0);

  arrow->to_lon = 36.26;
  arrow->to_lat = 47.66;
  g_assert_true (dm_annotation_list_add (list, callout));
  g_assert_true (dm_annotation_list_add (list, label));
  g_assert_true (dm_annotation_list_add (list, arrow));
  return list;
}

static char *
to_string (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static DmAnnotationList *
from_string (const char  *json,
             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  return dm_annotation_list_new_from_json (json_node_get_array (json_parser_get_root (parser)),
                                           "test.json: ", error);
}

static void
on_changed (DmAnnotationList *list,
            guint            *count)
{
  (*count)++;
}

/* Add, replace, remove: each says so once; an equal replacement does not. */
static void
test_list (void)
{
  g_autoptr(DmAnnotationList) list = sample_list ();
  g_autoptr(DmAnnotationList) copy = dm_annotation_list_copy (list);
  g_autoptr(DmAnnotation) moved = dm_annotation_copy (dm_annotation_list_get (list, 2));
  guint changed = 0;

  g_signal_connect (list, "changed", G_CALLBACK (on_changed), &changed);
  g_assert_true (dm_annotation_list_equal (list, copy));
  dm_annotation_offset (moved, 1.0, -0.5);
  g_assert_cmpfloat_with_epsilon (moved->to_lon, 37.26, 1e-9);
  g_assert_cmpfloat_with_epsilon (moved->lat, 46.5, 1e-9);
  g_assert_true (dm_annotation_list_replace (list, 2, moved));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (dm_annotation_list_replace (list, 2, moved));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_false (dm_annotation_list_equal (list, copy));
  g_assert_false (dm_annotation_list_remove (list, 3));
  g_assert_true (dm_annotation_list_remove (list, 0));
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (dm_annotation_list_get_n (list), ==, 2);
  g_assert_cmpstr (dm_annotation_list_get (list, 0)->text, ==, "Front <east>");
  dm_annotation_list_set_all (list, copy);
  g_assert_cmpuint (changed, ==, 3);
  g_assert_true (dm_annotation_list_equal (list, copy));

  /* Full is full: the 201st is refused. */
  for (guint i = dm_annotation_list_get_n (list); i < DM_ANNOTATION_MAX; i++)
    g_assert_true (dm_annotation_list_add (list, moved));
  g_assert_false (dm_annotation_list_add (list, moved));
}

static void
test_json_roundtrip (void)
{
  g_autoptr(DmAnnotationList) list = sample_list ();
  g_autoptr(JsonNode) node = dm_annotation_list_to_json (list);
  g_autofree char *json = to_string (node);
  g_autoptr(GError) error = NULL;
  g_autoptr(DmAnnotationList) back = from_string (json, &error);

  g_assert_no_error (error);
  g_assert_true (dm_annotation_list_equal (list, back));
  g_assert_nonnull (strstr (json, "\"kind\":\"arrow\""));
  g_assert_nonnull (strstr (json, "\"to_lat\""));
  /* Only arrows have a head. */
  g_assert_null (strstr (json, "\"to_lat\":48.28"));
}

/* Every bad annotation is refused with the annotation's number and the
 * member named. */
static void
test_json_errors (void)
{
  static const struct
  {
    const char *json;
    const char *expect;
  } bad[] = {
    { "[{\"kind\":\"callout\",\"text\":\"A\",\"lat\":48}]", "annotation 1: missing “lon”" },
    { "[{\"text\":\"A\",\"lon\":37,\"lat\":48},{\"text\":\"B\",\"lon\":\"east\",\"lat\":48}]",
      "annotation 2: “lon” must be" },
    { "[{\"text\":\"A\",\"lon\":370,\"lat\":48}]", "“lon” must be between" },
    { "[{\"text\":\"A\",\"lon\":37,\"lat\":89}]", "“lat” must be between" },
    { "[{\"kind\":\"balloon\",\"text\":\"A\",\"lon\":37,\"lat\":48}]", "“kind” must be" },
    { "[{\"kind\":\"label\",\"text\":\"\",\"lon\":37,\"lat\":48}]", "“text” is missing" },
    { "[{\"kind\":\"arrow\",\"lon\":37,\"lat\":48,\"to_lon\":36}]", "annotation 1: missing “to_lat”" },
    { "[{\"text\":[1],\"lon\":37,\"lat\":48}]", "“text” must be" },
    { "[7]", "annotation 1 must be an object" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DmAnnotationList) list = from_string (bad[i].json, &error);

      g_assert_null (list);
      g_assert_nonnull (error);
      if (strstr (error->message, bad[i].expect) == NULL)
        g_error ("%s: got “%s”, expected “%s”", bad[i].json, error->message, bad[i].expect);
      g_assert_true (g_str_has_prefix (error->message, "test.json: "));
    }

  /* Bounds: a long text, and too many entries. */
  {
    g_autofree char *text = g_strnfill (DM_ANNOTATION_MAX_TEXT + 1, 'x');
    g_autofree char *json = g_strdup_printf ("[{\"text\":\"%s\",\"lon\":37,\"lat\":48}]", text);
    g_autoptr(GError) error = NULL;
    g_autoptr(DmAnnotationList) list = from_string (json, &error);
    g_autoptr(GString) many = g_string_new ("[");

    g_assert_null (list);
    g_assert_error (error, DM_ERROR, DM_ERROR_TOO_LARGE);
    g_assert_nonnull (strstr (error->message, "“text”"));
    g_clear_error (&error);
    for (guint i = 0; i <= DM_ANNOTATION_MAX; i++)
      g_string_append_printf (many, "%s{\"text\":\"A\",\"lon\":37,\"lat\":48}", i ? "," : "");
    g_string_append (many, "]");
    g_assert_null (from_string (many->str, &error));
    g_assert_error (error, DM_ERROR, DM_ERROR_TOO_LARGE);
    g_assert_nonnull (strstr (error->message, "“annotations”"));
  }
}

/* Scenarios carry their annotations; a file from before has none and
 * still loads; a bad annotation names the file and the annotation. */
static void
test_scenario_roundtrip (void)
{
  DmProposal *p = dm_catalog_find_proposal (dm_test_catalog (), "us-28-point-2025-11");
  g_autoptr(DmScenario) s = dm_scenario_new (p);
  g_autoptr(DmScenario) back = NULL;
  g_autoptr(DmScenario) old = NULL;
  g_autoptr(DmScenario) broken = NULL;
  g_autoptr(DmAnnotationList) list = sample_list ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dm_test_write ("annotated.json", "", 0);
  g_autofree char *old_path = dm_test_write (
    "old.json", "{\"format\":\"demarcate-scenario\",\"version\":1,"
    "\"proposal\":\"us-28-point-2025-11\",\"edits\":[]}", -1);
  g_autofree char *bad_path = dm_test_write (
    "bad.json", "{\"format\":\"demarcate-scenario\",\"version\":1,"
    "\"proposal\":\"us-28-point-2025-11\",\"annotations\":[{\"text\":\"A\",\"lon\":37}]}", -1);
  g_autofree char *json = NULL;

  dm_annotation_list_set_all (dm_scenario_get_annotations (s), list);
  g_assert_false (dm_scenario_get_modified (s));
  json = dm_scenario_to_json (s, FIXED_DATE);
  g_assert_nonnull (strstr (json, "\"annotations\""));
  g_assert_true (dm_scenario_save (s, path, FIXED_DATE, &error));
  g_assert_no_error (error);
  back = dm_scenario_load (path, dm_test_catalog (), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (dm_annotation_list_equal (dm_scenario_get_annotations (back), list));

  old = dm_scenario_load (old_path, dm_test_catalog (), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dm_annotation_list_get_n (dm_scenario_get_annotations (old)), ==, 0);
  g_clear_pointer (&json, g_free);
  json = dm_scenario_to_json (old, NULL);
  g_assert_null (strstr (json, "annotations"));

  broken = dm_scenario_load (bad_path, dm_test_catalog (), NULL, &error);
  g_assert_null (broken);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "bad.json"));
  g_assert_nonnull (strstr (error->message, "annotation 1: missing “lat”"));
}

/* Undo goes back a step at a time and redo forward; a new change clears
 * redo; a checkpoint nothing followed leaves no step. */
static void
test_history (void)
{
  g_autoptr(DmAnnotationHistory) history = dm_annotation_history_new ();
  g_autoptr(DmAnnotationList) list = dm_annotation_list_new ();
  g_autoptr(DmAnnotation) a = dm_annotation_new (DM_ANNOTATION_LABEL, "A", 37, 48);
  g_autoptr(DmAnnotation) b = dm_annotation_new (DM_ANNOTATION_LABEL, "B", 38, 48);

  dm_annotation_history_set_list (history, list);
  g_assert_false (dm_annotation_history_can_undo (history));
  dm_annotation_history_checkpoint (history);
  dm_annotation_list_add (list, a);
  dm_annotation_history_checkpoint (history);
  dm_annotation_list_add (list, b);
  dm_annotation_history_checkpoint (history);
  dm_annotation_history_drop_if_unchanged (history);

  g_assert_true (dm_annotation_history_undo (history));
  g_assert_cmpuint (dm_annotation_list_get_n (list), ==, 1);
  g_assert_true (dm_annotation_history_undo (history));
  g_assert_cmpuint (dm_annotation_list_get_n (list), ==, 0);
  g_assert_false (dm_annotation_history_undo (history));
  g_assert_true (dm_annotation_history_redo (history));
  g_assert_cmpuint (dm_annotation_list_get_n (list), ==, 1);
  g_assert_cmpstr (dm_annotation_list_get (list, 0)->text, ==, "A");
  g_assert_true (dm_annotation_history_can_redo (history));
  dm_annotation_history_checkpoint (history);
  dm_annotation_list_remove (list, 0);
  g_assert_false (dm_annotation_history_can_redo (history));
  g_assert_true (dm_annotation_history_undo (history));
  g_assert_cmpuint (dm_annotation_list_get_n (list), ==, 1);
}

static DmScene *
make_scene (DmScenario **scenario_out)
{
  static DmPartition *partition = NULL;
  DmProposal *p = dm_catalog_find_proposal (dm_test_catalog (), "us-28-point-2025-11");
  g_autoptr(DmScenario) scenario = dm_scenario_new (p);
  DmScene *scene = dm_scene_new (dm_test_geodata ());

  if (partition == NULL)
    partition = dm_test_partition_for (FIXED_DATE);
  dm_scene_set_partition (scene, partition);
  dm_scene_set_scenario (scene, scenario);
  *scenario_out = scenario;
  return scene;
}

/* The scenario's annotations reach the SVG as one <text> each, inside
 * the "Annotations" layer, the arrow as a path there too. */
static void
test_svg (void)
{
  DmScenario *scenario;
  g_autoptr(DmScene) scene = make_scene (&scenario);
  g_autoptr(DmAnnotationList) list = sample_list ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dm_test_write ("annotated.svg", "", 0);
  g_autofree char *svg = NULL;
  const char *group, *end;
  DmExportOptions options;
  guint texts = 0;

  dm_annotation_list_set_all (dm_scenario_get_annotations (scenario), list);
  dm_export_options_init (&options);
  options.format = DM_EXPORT_SVG;
  options.width = 1080;
  options.height = 1080;
  g_assert_true (dm_layout_named_extent (dm_test_geodata (), "donbas", options.layout.extent));
  options.layout.has_extent = TRUE;
  g_assert_true (dm_export_to_file (scene, &options, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  group = strstr (svg, "<g id=\"annotations\" inkscape:label=\"Annotations\"");
  g_assert_nonnull (group);
  end = strstr (group, "</g>");
  g_assert_nonnull (end);
  for (const char *t = group; (t = g_strstr_len (t, end - t, "<text")) != NULL; t++)
    texts++;
  g_assert_cmpuint (texts, ==, 3);
  g_assert_nonnull (g_strstr_len (group, end - group, ">Pokrovsk</text>"));
  g_assert_nonnull (g_strstr_len (group, end - group, ">Front &lt;east&gt;</text>"));
  g_assert_nonnull (g_strstr_len (group, end - group, ">Push</text>"));
  /* The label's halo is the <text>'s own stroke, not a second element. */
  g_assert_nonnull (g_strstr_len (group, end - group, "paint-order=\"stroke\""));
  g_assert_nonnull (g_strstr_len (group, end - group, "<path"));
}

static guint
count_text (const char *svg,
            const char *text)
{
  g_autofree char *needle = g_strdup_printf (">%s</text>", text);
  guint n = 0;

  for (const char *t = svg; (t = strstr (t, needle)) != NULL; t++)
    n++;
  return n;
}

static char *
export_donbas_svg (DmScene    *scene,
                   const char *name)
{
  g_autofree char *path = dm_test_write (name, "", 0);
  g_autoptr(GError) error = NULL;
  char *svg = NULL;
  DmExportOptions options;

  dm_export_options_init (&options);
  options.format = DM_EXPORT_SVG;
  options.width = 1080;
  options.height = 1350;
  g_assert_true (dm_layout_named_extent (dm_test_geodata (), "donbas", options.layout.extent));
  options.layout.has_extent = TRUE;
  g_assert_true (dm_export_to_file (scene, &options, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  return svg;
}

/* The map's own names keep off an export's annotations: a town whose name
 * an annotation covers is left out rather than printed under it. */
static void
test_labels_avoid (void)
{
  DmScenario *scenario;
  g_autoptr(DmScene) scene = make_scene (&scenario);
  g_autoptr(DmAnnotationList) list = dm_annotation_list_new ();
  g_autoptr(DmAnnotation) label = NULL;
  g_autofree char *before = NULL, *after = NULL;
  GPtrArray *places = dm_geodata_get_places (dm_test_geodata ());
  const DmPlace *town = NULL;

  for (guint i = 0; i < places->len && town == NULL; i++)
    if (g_strcmp0 (((DmPlace *) places->pdata[i])->name, "Kramatorsk") == 0)
      town = places->pdata[i];
  g_assert_nonnull (town);
  before = export_donbas_svg (scene, "before.svg");
  g_assert_cmpuint (count_text (before, "Kramatorsk"), ==, 1);

  /* A label over the town's name, a little east of its point. */
  label = dm_annotation_new (DM_ANNOTATION_LABEL, "Here the front", town->lon + 0.25, town->lat);
  g_assert_true (dm_annotation_list_add (list, label));
  dm_annotation_list_set_all (dm_scenario_get_annotations (scenario), list);
  after = export_donbas_svg (scene, "after.svg");
  g_assert_cmpuint (count_text (after, "Here the front"), ==, 1);
  g_assert_cmpuint (count_text (after, "Kramatorsk"), ==, 0);
}

/* In a PNG the annotation is painted where its point is: the callout's
 * red dot, absent without it. */
static void
test_png_and_hit (void)
{
  DmScenario *scenario;
  g_autoptr(DmScene) scene = make_scene (&scenario);
  g_autoptr(DmAnnotation) dot = dm_annotation_new (DM_ANNOTATION_CALLOUT, "Here", 37.18, 48.28);
  DmView view = { 0, 0, 7, 800, 600, 1.0 };
  cairo_surface_t *with = NULL, *without = NULL;
  DmAnnotationList *list = dm_scenario_get_annotations (scenario);
  DmAnnotationHit hit;
  double wx, wy, px, py;
  guint32 a, b;

  dm_lonlat_to_world (37.18, 48.28, &view.center_x, &view.center_y);
  for (int i = 0; i < 2; i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 600);
      cairo_t *cr = cairo_create (surface);

      if (i == 1)
        dm_annotation_list_add (list, dot);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      dm_scene_draw (scene, cr, &view);
      dm_annotations_draw (cr, &view, list, -1);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      if (i == 0)
        without = surface;
      else
        with = surface;
    }
  dm_lonlat_to_world (37.18, 48.28, &wx, &wy);
  dm_view_to_px (&view, wx, wy, &px, &py);
  a = ((guint32 *) (cairo_image_surface_get_data (without) +
                    (int) py * cairo_image_surface_get_stride (without)))[(int) px];
  b = ((guint32 *) (cairo_image_surface_get_data (with) +
                    (int) py * cairo_image_surface_get_stride (with)))[(int) px];
  g_assert_cmphex (a, !=, b);
  /* Red dot: red well above green and blue. */
  g_assert_cmpuint ((b >> 16) & 0xff, >, 150);
  g_assert_cmpuint ((b >> 8) & 0xff, <, 80);
  cairo_surface_destroy (with);
  cairo_surface_destroy (without);

  /* What is painted is what a click finds: the dot, the text beside it. */
  g_assert_cmpint (dm_annotations_hit (list, &view, px, py, &hit), ==, 0);
  g_assert_cmpint (hit, ==, DM_ANNOTATION_HIT_BODY);
  g_assert_cmpint (dm_annotations_hit (list, &view, px + 20, py, &hit), ==, 0);
  g_assert_cmpint (dm_annotations_hit (list, &view, px - 40, py - 40, &hit), ==, -1);
  g_assert_cmpint (hit, ==, DM_ANNOTATION_HIT_NONE);
}

static void
test_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmAnnotation) a = dm_annotation_parse ("Huliaipole@36.26,47.66", &error);
  g_autofree char *long_text = g_strnfill (DM_ANNOTATION_MAX_TEXT + 1, 'x');
  g_autofree char *spec = g_strdup_printf ("%s@37,48", long_text);

  g_assert_no_error (error);
  g_assert_cmpint (a->kind, ==, DM_ANNOTATION_CALLOUT);
  g_assert_cmpstr (a->text, ==, "Huliaipole");
  g_assert_null (dm_annotation_parse (spec, &error));
  g_assert_error (error, DM_ERROR, DM_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/annotation/list", test_list);
  g_test_add_func ("/annotation/parse", test_parse);
  g_test_add_func ("/annotation/json-roundtrip", test_json_roundtrip);
  g_test_add_func ("/annotation/json-errors", test_json_errors);
  g_test_add_func ("/annotation/scenario-roundtrip", test_scenario_roundtrip);
  g_test_add_func ("/annotation/history", test_history);
  g_test_add_func ("/annotation/svg", test_svg);
  g_test_add_func ("/annotation/labels-avoid", test_labels_avoid);
  g_test_add_func ("/annotation/png-and-hit", test_png_and_hit);
  return g_test_run ();
}
