/* test-stats.c: areas by status, handover, places changing hands: on squares, on bundled data. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "dm-control.h"
#include "dm-geom.h"
#include "dm-partition.h"
#include "dm-stats.h"
#include "dm-test-util.h"

/* The synthetic world: six 1°×1° oblasts on the equator, at lon 0, 2, 4, 6,
 * 8 and 10; Russia holds all of the first two, the east half of the third
 * and the east half of the sixth (untagged UA-63, so Kharkiv oblast). */
#define SQUARE_LAT0 0.0
#define SQUARE_LAT1 1.0

typedef struct
{
  DmGeodata   *geodata;
  DmPartition *partition;
  DmScenario  *plan;   /* Ukraine withdraws from its half of Donetsk */
  DmScenario  *other;  /* demilitarised zones, and Russia returns "other" */
  double       square; /* km² of a 1°×1° square from the ellipsoid formula */
} World;

/* Area of the lat/lon rectangle on the WGS 84 ellipsoid, from the authalic
 * latitude function q (Snyder, Map Projections: A Working Manual, 3-12):
 * independent of PROJ, which the code under test uses. */
static double
ellipsoid_rectangle_km2 (double lon0,
                         double lat0,
                         double lon1,
                         double lat1)
{
  const double a = 6378137.0, f = 1.0 / 298.257223563;
  const double e2 = f * (2.0 - f), e = sqrt (e2);
  double q[2];

  for (int i = 0; i < 2; i++)
    {
      double s = sin ((i == 0 ? lat0 : lat1) * G_PI / 180.0);

      q[i] = (1.0 - e2) * (s / (1.0 - e2 * s * s) -
                           1.0 / (2.0 * e) * log ((1.0 - e * s) / (1.0 + e * s)));
    }
  return (lon1 - lon0) * G_PI / 180.0 * a * a / 2.0 * (q[1] - q[0]) / 1e6;
}

/* A closed ring with a vertex every 0.01°, so that straight edges in the
 * equal-area projection follow the parallels and meridians. */
static void
append_ring (GString *s,
             double   lon0,
             double   lat0,
             double   lon1,
             double   lat1)
{
  const double corners[5][2] = { { lon0, lat0 }, { lon1, lat0 }, { lon1, lat1 },
                                 { lon0, lat1 }, { lon0, lat0 } };

  g_string_append (s, "[[");
  for (int c = 0; c < 4; c++)
    {
      int n = (int) round (MAX (fabs (corners[c + 1][0] - corners[c][0]),
                                fabs (corners[c + 1][1] - corners[c][1])) / 0.01);

      for (int i = 0; i < n; i++)
        g_string_append_printf (s, "[%.5f,%.5f],",
                                corners[c][0] + (corners[c + 1][0] - corners[c][0]) * i / n,
                                corners[c][1] + (corners[c + 1][1] - corners[c][1]) * i / n);
    }
  g_string_append_printf (s, "[%.5f,%.5f]]]", lon0, lat0);
}

static char *
polygon_feature (const char *properties,
                 double      lon0,
                 double      lat0,
                 double      lon1,
                 double      lat1)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "{\"type\":\"Feature\",\"properties\":%s,"
                          "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":", properties);
  append_ring (s, lon0, lat0, lon1, lat1);
  g_string_append (s, "}}");
  return g_string_free (s, FALSE);
}

static char *
write_collection (const char         *name,
                  const char * const *features)
{
  g_autofree char *joined = g_strjoinv (",", (char **) features);
  g_autofree char *json = g_strdup_printf ("{\"type\":\"FeatureCollection\",\"features\":[%s]}",
                                           joined);

  return dm_test_write (name, json, -1);
}

static const char *line_feature =
  "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"LineString\","
  "\"coordinates\":[[0,-0.5],[11,-0.5]]}}";

static char *
write_oblasts (void)
{
  static const struct { const char *iso, *region; } oblasts[] = {
    { "UA-43", "\"crimea\"" }, { "UA-09", "\"luhansk\"" }, { "UA-14", "\"donetsk\"" },
    { "UA-23", "\"zaporizhzhia\"" }, { "UA-65", "\"kherson\"" }, { "UA-63", "null" },
  };
  g_autoptr(GPtrArray) features = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (oblasts); i++)
    {
      g_autofree char *props = g_strdup_printf ("{\"iso_3166_2\":\"%s\",\"region\":%s}",
                                                oblasts[i].iso, oblasts[i].region);

      g_ptr_array_add (features, polygon_feature (props, 2.0 * i, SQUARE_LAT0,
                                                  2.0 * i + 1.0, SQUARE_LAT1));
    }
  g_ptr_array_add (features, NULL);
  return write_collection ("oblasts.geojson", (const char * const *) features->pdata);
}

static char *
write_places (void)
{
  static const struct { const char *name, *oblast; guint population; double lon, lat; } places[] = {
    { "Insideville", "\"UA-14\"", 5000, 4.25, 0.5 },   /* Ukrainian-held Donetsk */
    { "Outsideburg", "\"UA-14\"", 7000, 4.75, 0.5 },   /* Russian-held Donetsk */
    /* Zaporizhzhia; population unknown. A capital, which the geodata lists
     * first: the measures list by population. */
    { "Farplace", "\"UA-23\"", 0, 6.5, 0.5 },
    { "Pocketville", "\"UA-63\"", 1200, 10.75, 0.5 },  /* Russian-held, outside the five */
    { "Westtown", "\"UA-63\"", 300, 10.25, 0.5 },      /* Ukrainian-held, outside the five */
    { "Crimeaport", "\"UA-43\"", 2000, 0.5, 0.5 },     /* Russian-held Crimea */
    { "Abroad", "null", 100000, 20.0, 0.5 },
    /* Off the land, as GeoNames puts some harbours: the land near decides. */
    { "Harbourtown", "\"UA-14\"", 800, 4.25, 1.01 },   /* by Ukrainian-held Donetsk */
    { "Westharbour", "\"UA-63\"", 400, 10.25, 1.01 },  /* by Ukraine outside the parts */
    { "Seaview", "\"UA-14\"", 600, 4.25, 1.2 },        /* no land within 3 km */
    { "Foreignport", "null", 900, 4.3, 1.01 },         /* abroad: never counted */
  };
  g_autoptr(GPtrArray) features = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    g_ptr_array_add (features,
                     g_strdup_printf ("{\"type\":\"Feature\",\"properties\":{\"name\":\"%s\","
                                      "\"population\":%u,\"oblast\":%s,\"capital\":%s},"
                                      "\"geometry\":{\"type\":\"Point\",\"coordinates\":"
                                      "[%.5f,%.5f]}}", places[i].name, places[i].population,
                                      places[i].oblast,
                                      g_str_equal (places[i].name, "Farplace") ? "true" : "false",
                                      places[i].lon, places[i].lat));
  g_ptr_array_add (features, NULL);
  return write_collection ("places.geojson", (const char * const *) features->pdata);
}

/* Control polygons overshoot the oblasts where they can, so that clipping
 * to Ukraine is part of what is measured. */
static char *
write_control (void)
{
  g_autofree char *crimea = polygon_feature ("{}", -0.5, -0.5, 1.5, 1.5);
  g_autofree char *luhansk = polygon_feature ("{}", 1.8, -0.5, 3.2, 1.5);
  g_autofree char *donetsk = polygon_feature ("{}", 4.5, -0.5, 5.5, 1.5);
  g_autofree char *pocket = polygon_feature ("{}", 10.5, -0.5, 11.5, 1.5);
  const char *features[] = { crimea, luhansk, donetsk, pocket, NULL };

  return write_collection ("control-2030-01-01.geojson", features);
}

static DmScenario *
write_proposal (const char *id,
                const char *clauses)
{
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *json = g_strdup_printf (
    "{\"format\":\"demarcate-proposal\",\"version\":1,\"id\":\"%s\",\"kind\":\"proposal\","
    "\"title\":\"Test %s\",\"short_title\":\"Test\",\"sponsor\":\"Tests\",\"date\":\"2030-01-01\","
    "\"published\":\"text\",\"summary\":\"Synthetic.\",\"sources\":[{\"id\":\"t-2030-01-01\","
    "\"outlet\":\"T\",\"date\":\"2030-01-01\",\"detail\":\"synthetic\"}],\"clauses\":[%s]}",
    id, id, clauses);
  g_autofree char *path = dm_test_write (name, json, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(DmProposal) proposal = dm_proposal_new_from_file (path, &error);

  g_assert_no_error (error);
  return dm_scenario_new (proposal);
}

#define CLAUSE_C(region, part, status, certainty) \
  "{\"region\":\"" region "\",\"part\":\"" part "\",\"status\":\"" status "\"," \
  "\"certainty\":\"" certainty "\",\"note\":\"n\",\"sources\":[\"t-2030-01-01\"]}"
#define CLAUSE(region, part, status) CLAUSE_C (region, part, status, "text")

static World *
world (void)
{
  static World *w = NULL;
  g_autofree char *oblasts = NULL;
  g_autofree char *control_path = NULL;
  g_autofree char *geo_dir = NULL;
  g_autoptr(DmControlArea) control = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *land = polygon_feature ("{}", -1.0, -1.0, 12.0, 2.0);
  g_autofree char *lake = polygon_feature ("{}", 20.0, 1.0, 20.1, 1.1);
  g_autofree char *country = polygon_feature ("{\"iso_a2\":\"UA\"}", 0.0, 0.0, 11.0, 1.0);
  const char *lands[] = { land, NULL }, *lakes[] = { lake, NULL };
  const char *countries[] = { country, NULL }, *lines[] = { line_feature, NULL };

  if (w != NULL)
    return w;

  g_free (write_collection ("land.geojson", lands));
  g_free (write_collection ("lakes.geojson", lakes));
  g_free (write_collection ("rivers.geojson", lines));
  g_free (write_collection ("countries.geojson", countries));
  g_free (write_collection ("borders.geojson", lines));
  g_free (write_places ());
  oblasts = write_oblasts ();
  control_path = write_control ();
  geo_dir = g_path_get_dirname (oblasts);

  w = g_new0 (World, 1);
  w->square = ellipsoid_rectangle_km2 (0.0, SQUARE_LAT0, 1.0, SQUARE_LAT1);
  w->geodata = dm_geodata_load (geo_dir, NULL, &error);
  g_assert_no_error (error);
  control = dm_control_area_load (control_path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (control->date, ==, "2030-01-01");
  w->partition = dm_partition_derive (w->geodata, control, NULL, &error);
  g_assert_no_error (error);

  w->plan = write_proposal ("test-plan",
    CLAUSE ("crimea", "all", "russia-de-jure") ","
    CLAUSE ("luhansk", "all", "russia-de-facto") ","
    CLAUSE ("donetsk", "russian-held", "russia-de-facto") ","
    CLAUSE ("donetsk", "ukrainian-held", "withdraw") ","
    CLAUSE ("zaporizhzhia", "all", "frozen") ","
    CLAUSE ("kherson", "all", "frozen") ","
    CLAUSE_C ("other", "all", "not-addressed", "unclear"));
  w->other = write_proposal ("test-other",
    CLAUSE ("crimea", "all", "russia-de-jure") ","
    CLAUSE ("luhansk", "all", "russia-de-facto") ","
    CLAUSE ("donetsk", "russian-held", "russia-de-facto") ","
    CLAUSE ("donetsk", "ukrainian-held", "demilitarized") ","
    CLAUSE ("zaporizhzhia", "russian-held", "frozen") ","
    CLAUSE ("zaporizhzhia", "ukrainian-held", "demilitarized") ","
    CLAUSE ("kherson", "all", "frozen") ","
    CLAUSE ("other", "all", "returned"));
  return w;
}

/* Relative to the square, so a zero expected area is checked too. */
#define assert_km2(measured, expected, square) \
  g_assert_cmpfloat_with_epsilon ((measured), (expected), (square) * 1e-3)

/* The formula itself, against the textbook figure for 1°×1° at the equator
 * (12,308 km² on WGS 84; 12,391 km² on a sphere of the equatorial radius). */
static void
test_square_formula (void)
{
  double square = ellipsoid_rectangle_km2 (0.0, 0.0, 1.0, 1.0);

  g_test_message ("1°×1° at the equator: %.2f km²", square);
  g_assert_cmpfloat (square, >, 12300.0);
  g_assert_cmpfloat (square, <, 12320.0);
  /* Halving the longitude span halves the area exactly. */
  g_assert_cmpfloat_with_epsilon (ellipsoid_rectangle_km2 (4.0, 0.0, 4.5, 1.0), square / 2.0,
                                  1e-9);
}

static void
test_synthetic_parts (void)
{
  World *w = world ();
  const struct { DmRegion region; DmPart part; double squares; } expected[] = {
    { DM_REGION_CRIMEA, DM_PART_RUSSIAN_HELD, 1.0 },
    { DM_REGION_CRIMEA, DM_PART_UKRAINIAN_HELD, 0.0 },
    { DM_REGION_LUHANSK, DM_PART_RUSSIAN_HELD, 1.0 },
    { DM_REGION_LUHANSK, DM_PART_UKRAINIAN_HELD, 0.0 },
    { DM_REGION_DONETSK, DM_PART_RUSSIAN_HELD, 0.5 },
    { DM_REGION_DONETSK, DM_PART_UKRAINIAN_HELD, 0.5 },
    { DM_REGION_ZAPORIZHZHIA, DM_PART_RUSSIAN_HELD, 0.0 },
    { DM_REGION_ZAPORIZHZHIA, DM_PART_UKRAINIAN_HELD, 1.0 },
    { DM_REGION_KHERSON, DM_PART_RUSSIAN_HELD, 0.0 },
    { DM_REGION_KHERSON, DM_PART_UKRAINIAN_HELD, 1.0 },
    { DM_REGION_KHARKIV, DM_PART_RUSSIAN_HELD, 0.5 },
    { DM_REGION_KHARKIV, DM_PART_UKRAINIAN_HELD, 0.5 },
    { DM_REGION_SUMY, DM_PART_RUSSIAN_HELD, 0.0 },
    { DM_REGION_MYKOLAIV, DM_PART_UKRAINIAN_HELD, 0.0 },
  };

  for (DmRegion r = 0; r < DM_N_FIVE_REGIONS; r++)
    assert_km2 (dm_geodata_get_region_area (w->geodata, r), w->square, w->square);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      double area = dm_partition_get_area (w->partition, expected[i].region, expected[i].part);

      g_test_message ("%s %s: %.3f km² (expected %.3f)",
                      dm_region_to_string (expected[i].region),
                      dm_part_to_string (expected[i].part), area,
                      expected[i].squares * w->square);
      assert_km2 (area, expected[i].squares * w->square, w->square);
    }
}

static void
test_synthetic_handover (void)
{
  World *w = world ();
  DmHandover h;

  dm_stats_handover (w->partition, w->plan, &h);
  assert_km2 (h.ua_to_russia, w->square / 2.0, w->square);
  assert_km2 (h.ua_to_neutral, 0.0, w->square);
  assert_km2 (h.ru_to_ukraine, 0.0, w->square);
  assert_km2 (h.ru_to_neutral, 0.0, w->square);

  dm_stats_handover (w->partition, w->other, &h);
  assert_km2 (h.ua_to_russia, 0.0, w->square);
  assert_km2 (h.ua_to_neutral, 1.5 * w->square, w->square);
  assert_km2 (h.ru_to_ukraine, 0.5 * w->square, w->square);
  assert_km2 (h.ru_to_neutral, 0.0, w->square);
}

static void
test_synthetic_by_status (void)
{
  World *w = world ();
  g_autoptr(GArray) rows = dm_stats_by_status (w->partition, w->plan);
  const struct { DmStatus status; double squares; DmRegion region; double region_squares; }
  expected[] = {
    { DM_STATUS_RUSSIA_DE_JURE, 1.0, DM_REGION_CRIMEA, 1.0 },
    { DM_STATUS_RUSSIA_DE_FACTO, 1.5, DM_REGION_DONETSK, 0.5 },
    { DM_STATUS_FROZEN, 2.0, DM_REGION_KHERSON, 1.0 },
    { DM_STATUS_WITHDRAW, 0.5, DM_REGION_DONETSK, 0.5 },
    { DM_STATUS_NOT_ADDRESSED, 1.0, DM_REGION_KHARKIV, 1.0 },
  };
  double sum = 0.0;

  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < rows->len; i++)
    {
      DmStatusArea *row = &g_array_index (rows, DmStatusArea, i);
      double region_sum = 0.0;

      g_assert_cmpint (row->status, ==, expected[i].status);
      assert_km2 (row->area_km2, expected[i].squares * w->square, w->square);
      assert_km2 (row->region_km2[expected[i].region], expected[i].region_squares * w->square,
                  w->square);
      for (DmRegion r = 0; r < DM_N_REGIONS; r++)
        region_sum += row->region_km2[r];
      g_assert_cmpfloat_with_epsilon (region_sum, row->area_km2, 1e-6);
      sum += row->area_km2;
    }
  /* By status adds up to everything: six squares, Kharkiv oblast's whole. */
  assert_km2 (sum, 6.0 * w->square, w->square);
}

static void
assert_place_names (GPtrArray          *places,
                    const char * const *names)
{
  g_assert_cmpuint (places->len, ==, g_strv_length ((char **) names));
  for (guint i = 0; i < places->len; i++)
    {
      const DmStatsPlace *sp = g_ptr_array_index (places, i);

      g_assert_cmpstr (sp->place->name, ==, names[i]);
    }
}

static void
test_synthetic_places (void)
{
  World *w = world ();
  g_autoptr(GPtrArray) plan = dm_stats_places_changing_hands (w->partition, w->plan, w->geodata);
  g_autoptr(GPtrArray) other = dm_stats_places_changing_hands (w->partition, w->other,
                                                               w->geodata);
  g_autoptr(GPtrArray) differing = dm_stats_places_differing (w->partition, w->plan, w->other,
                                                              w->geodata);
  const char * const plan_names[] = { "Insideville", "Harbourtown", NULL };
  /* Largest first; unknown population last. */
  const char * const other_names[] = { "Insideville", "Pocketville", "Harbourtown", "Farplace",
                                       NULL };
  const DmStatsPlace *sp;
  DmPlaceTotals totals;

  assert_place_names (plan, plan_names);
  sp = g_ptr_array_index (plan, 0);
  g_assert_cmpint (sp->region, ==, DM_REGION_DONETSK);
  g_assert_cmpint (sp->part, ==, DM_PART_UKRAINIAN_HELD);
  g_assert_cmpint (sp->status, ==, DM_STATUS_WITHDRAW);
  g_assert_cmpint (sp->compare_status, ==, DM_STATUS_WITHDRAW);
  sp = g_ptr_array_index (plan, 1);
  g_assert_cmpint (sp->region, ==, DM_REGION_DONETSK);
  g_assert_cmpint (sp->part, ==, DM_PART_UKRAINIAN_HELD);
  dm_stats_place_totals (plan, &totals);
  g_assert_cmpuint (totals.n_places, ==, 2);
  g_assert_cmpuint (totals.population, ==, 5800);
  g_assert_cmpuint (totals.n_unknown_population, ==, 0);

  assert_place_names (other, other_names);
  sp = g_ptr_array_index (other, 1);
  g_assert_cmpint (sp->region, ==, DM_REGION_KHARKIV);
  g_assert_cmpint (sp->part, ==, DM_PART_RUSSIAN_HELD);
  g_assert_cmpint (sp->status, ==, DM_STATUS_RETURNED);

  /* Differing parts: Donetsk's and Zaporizhzhia's Ukrainian-held parts
   * and the Russian-held other areas. */
  assert_place_names (differing, other_names);
  for (guint i = 0; i < differing->len; i++)
    {
      sp = g_ptr_array_index (differing, i);
      g_assert_cmpint (sp->status, ==, dm_scenario_get_status (w->plan, sp->region, sp->part));
      g_assert_cmpint (sp->compare_status, ==,
                       dm_scenario_get_status (w->other, sp->region, sp->part));
      g_assert_cmpint (sp->status, !=, sp->compare_status);
    }
  dm_stats_place_totals (differing, &totals);
  g_assert_cmpuint (totals.n_places, ==, 4);
  g_assert_cmpuint (totals.population, ==, 7000);
  g_assert_cmpuint (totals.n_unknown_population, ==, 1);

  /* A scenario against itself differs nowhere. */
  g_clear_pointer (&differing, g_ptr_array_unref);
  differing = dm_stats_places_differing (w->partition, w->plan, w->plan, w->geodata);
  g_assert_cmpuint (differing->len, ==, 0);
}

/* ---- The bundled data ---- */


static DmScenario *
scenario_for (const char *id)
{
  DmProposal *proposal = dm_catalog_find_proposal (dm_test_catalog (), id);

  g_assert_nonnull (proposal);
  return dm_scenario_new (proposal);
}

static gboolean
has_place (GPtrArray  *places,
           const char *name,
           DmRegion    region,
           DmPart      part)
{
  for (guint i = 0; i < places->len; i++)
    {
      const DmStatsPlace *sp = g_ptr_array_index (places, i);

      if (g_str_equal (sp->place->name, name))
        return sp->region == region && sp->part == part;
    }
  return FALSE;
}

static gboolean
contains (OGRGeometryH  geometry,
          const DmPlace *place)
{
  return dm_geom_contains_lonlat (geometry, place->lon, place->lat);
}

/* The 28-point plan against the line of contact: Ukraine gives up the places
 * in its part of Donetsk (and Luhansk's and Crimea's remainders); Russia
 * gives back those in the areas it holds outside the five regions. Checked
 * a second way, from the regions and the control area with GEOS rather than
 * from the derived parts. */
static void
test_places_28_point (void)
{
  g_autoptr(DmPartition) partition = dm_test_partition_for ("2025-11-20");
  g_autoptr(DmScenario) s = scenario_for ("us-28-point-2025-11");
  DmGeodata *geodata = dm_test_geodata ();
  GPtrArray *all = dm_geodata_get_places (geodata);
  OGRGeometryH control = dm_partition_get_control (partition);
  const char * const given_up_oblasts[] = { "UA-43", "UA-40", "UA-09", "UA-14", NULL };
  const char * const region_oblasts[] = { "UA-43", "UA-40", "UA-09", "UA-14", "UA-23", "UA-65",
                                          NULL };
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GHashTable) found = g_hash_table_new (NULL, NULL);
  guint n_expected = 0, n_donetsk = 0, n_other = 0;
  guint64 population = 0;
  DmPlaceTotals totals;
  gint64 t0 = g_get_monotonic_time ();

  places = dm_stats_places_changing_hands (partition, s, geodata);
  g_test_message ("%u places changing hands, found among %u in %.1f ms", places->len, all->len,
                  (g_get_monotonic_time () - t0) / 1000.0);

  g_assert_true (has_place (places, "Kramatorsk", DM_REGION_DONETSK, DM_PART_UKRAINIAN_HELD));
  g_assert_true (has_place (places, "Slovyansk", DM_REGION_DONETSK, DM_PART_UKRAINIAN_HELD));
  g_assert_true (has_place (places, "Kostyantynivka", DM_REGION_DONETSK,
                            DM_PART_UKRAINIAN_HELD));
  /* Russian-held since 2014 or 2022: nobody gives them up. */
  g_assert_false (has_place (places, "Donetsk", DM_REGION_DONETSK, DM_PART_RUSSIAN_HELD));
  g_assert_false (has_place (places, "Mariupol", DM_REGION_DONETSK, DM_PART_RUSSIAN_HELD));

  for (guint i = 0; i < places->len; i++)
    {
      const DmStatsPlace *sp = g_ptr_array_index (places, i);

      g_assert_nonnull (sp->place->oblast);
      g_assert_true (dm_part_changes_hands (s, sp->region, sp->part));
      /* Largest first, then by name among equals (the unknown, last). */
      if (i > 0)
        {
          const DmPlace *prev = ((DmStatsPlace *) g_ptr_array_index (places, i - 1))->place;

          g_assert_cmpuint (prev->population, >=, sp->place->population);
          if (prev->population == sp->place->population)
            g_assert_cmpint (strcmp (prev->name, sp->place->name), <=, 0);
        }
      if (sp->part == DM_PART_UKRAINIAN_HELD)
        {
          g_assert_true (g_strv_contains (given_up_oblasts, sp->place->oblast));
          g_assert_true (sp->region == DM_REGION_DONETSK || sp->region == DM_REGION_LUHANSK ||
                         sp->region == DM_REGION_CRIMEA);
        }
      else
        {
          /* Given back: Kharkiv's and Sumy's border villages. */
          g_assert_cmpint (sp->region, >=, DM_FIRST_OUTER_REGION);
          g_assert_cmpint (sp->status, ==, DM_STATUS_RETURNED);
          g_assert_false (g_strv_contains (region_oblasts, sp->place->oblast));
          n_other++;
        }
      g_assert_false (g_hash_table_contains (found, sp->place));
      g_hash_table_add (found, (gpointer) sp->place);
      population += sp->place->population;
      n_donetsk += sp->region == DM_REGION_DONETSK;
    }

  /* Both sides: every place on land in one of the three regions and off the
   * control area is listed, and every one in the control area outside the
   * five regions; nothing else on land is. */
  for (guint i = 0; i < all->len; i++)
    {
      const DmPlace *place = g_ptr_array_index (all, i);
      gboolean in_given_up = FALSE, in_region = FALSE, in_control, expected;

      for (DmRegion r = 0; r < DM_N_FIVE_REGIONS; r++)
        if (contains (dm_geodata_get_region (geodata, r), place))
          {
            in_region = TRUE;
            in_given_up = r == DM_REGION_CRIMEA || r == DM_REGION_LUHANSK ||
                          r == DM_REGION_DONETSK;
          }
      in_control = contains (control, place);
      if (!in_region && !in_control)
        {
          /* Abroad, elsewhere in Ukraine, or just off the coast: the last
           * are put in the part whose land is nearest (see test_synthetic_places). */
          g_assert_true (!g_hash_table_contains (found, place) || place->oblast != NULL);
          continue;
        }
      expected = in_given_up ? !in_control : in_control && !in_region;
      if (expected != g_hash_table_contains (found, place))
        g_error ("%s (%.5f, %.5f): expected %s", place->name, place->lon, place->lat,
                 expected ? "among the places changing hands" : "not listed");
      n_expected += expected;
    }
  g_test_message ("%u of them in Donetsk, %u given back outside the five regions",
                  n_donetsk, n_other);
  g_assert_cmpuint (n_expected, ==, places->len);
  g_assert_cmpuint (n_donetsk, >, 50);
  g_assert_cmpuint (n_other, >, 0);

  dm_stats_place_totals (places, &totals);
  g_assert_cmpuint (totals.n_places, ==, places->len);
  g_assert_cmpuint (totals.population, ==, population);
  g_assert_cmpuint (totals.n_unknown_population, >, 0);
  g_assert_cmpuint (totals.n_unknown_population, <, totals.n_places);
}

/* Kherson lies off Natural Earth's land, on the Dnipro: a proposal that gives
 * up Ukrainian-held Kherson must still count it. */
static void
test_places_off_land (void)
{
  g_autoptr(DmPartition) partition = dm_test_partition_for ("2025-11-20");
  g_autoptr(DmScenario) s = scenario_for ("line-of-contact");
  g_autoptr(GPtrArray) kherson = NULL;
  g_autoptr(GPtrArray) crimea = NULL;
  GPtrArray *all = dm_geodata_get_places (dm_test_geodata ());

  /* The premise: the point is in no polygon. */
  for (guint i = 0; i < all->len; i++)
    {
      const DmPlace *place = g_ptr_array_index (all, i);

      if (g_str_equal (place->name, "Kherson"))
        g_assert_false (contains (dm_geodata_get_ukraine (dm_test_geodata ()), place));
    }
  dm_scenario_set_status (s, DM_REGION_KHERSON, DM_PART_UKRAINIAN_HELD, DM_STATUS_WITHDRAW);
  kherson = dm_stats_places_changing_hands (partition, s, dm_test_geodata ());
  g_assert_true (has_place (kherson, "Kherson", DM_REGION_KHERSON, DM_PART_UKRAINIAN_HELD));
  g_assert_true (has_place (kherson, "Beryslav", DM_REGION_KHERSON, DM_PART_UKRAINIAN_HELD));
  /* Skadovsk, also off the land, is on the Russian-held shore. */
  g_assert_false (has_place (kherson, "Skadovsk", DM_REGION_KHERSON, DM_PART_RUSSIAN_HELD));
  for (guint i = 0; i < kherson->len; i++)
    g_assert_cmpstr (((DmStatsPlace *) g_ptr_array_index (kherson, i))->place->oblast, ==,
                     "UA-65");

  /* Crimea's coast has slivers the generalised line leaves Ukrainian-held;
   * its coastal towns still count as Russian-held. */
  dm_scenario_reset (s);
  dm_scenario_set_status (s, DM_REGION_CRIMEA, DM_PART_RUSSIAN_HELD, DM_STATUS_RETURNED);
  crimea = dm_stats_places_changing_hands (partition, s, dm_test_geodata ());
  g_assert_true (has_place (crimea, "Simferopol", DM_REGION_CRIMEA, DM_PART_RUSSIAN_HELD));
  g_assert_true (has_place (crimea, "Foros", DM_REGION_CRIMEA, DM_PART_RUSSIAN_HELD));
  g_assert_true (has_place (crimea, "Sonyachnohirske", DM_REGION_CRIMEA, DM_PART_RUSSIAN_HELD));
}

/* km² by status add up to the whole partition, in total and per region. */
static void
test_by_status_sums (void)
{
  g_autoptr(DmPartition) partition = dm_test_partition_for ("2026-08-22");
  GPtrArray *proposals = dm_catalog_get_proposals (dm_test_catalog ());

  for (guint i = 0; i < proposals->len; i++)
    {
      g_autoptr(DmScenario) s = dm_scenario_new (g_ptr_array_index (proposals, i));
      g_autoptr(GArray) rows = dm_stats_by_status (partition, s);
      double total = 0.0, sum = 0.0;

      for (DmRegion r = 0; r < DM_N_REGIONS; r++)
        {
          double region_sum = 0.0;

          for (guint j = 0; j < rows->len; j++)
            region_sum += g_array_index (rows, DmStatusArea, j).region_km2[r];
          g_assert_cmpfloat_with_epsilon (region_sum,
                                          dm_partition_get_area (partition, r, DM_PART_ALL),
                                          1e-6);
          total += dm_partition_get_area (partition, r, DM_PART_ALL);
        }
      for (guint j = 0; j < rows->len; j++)
        {
          const DmStatusArea *row = &g_array_index (rows, DmStatusArea, j);

          if (j > 0)
            g_assert_cmpint (row->status, >, g_array_index (rows, DmStatusArea, j - 1).status);
          sum += row->area_km2;
        }
      g_assert_cmpfloat_with_epsilon (sum, total, 1e-6);
      g_assert_cmpfloat (total, >, 100000.0);
    }
}

/* By holder: Anchorage's "Ukraine withdraws" on all of Donbas changes the
 * Ukrainian-held part of Donetsk, not the part of Luhansk Russia holds, and
 * "frozen" equals the line it freezes. The status toggle still shows them. */
static void
test_holder_anchorage (void)
{
  g_autoptr(DmPartition) partition = dm_test_partition_for ("2025-11-20");
  g_autoptr(DmScenario) anc = scenario_for ("ru-anchorage-2025-08");
  g_autoptr(DmScenario) loc = scenario_for ("line-of-contact");
  g_autoptr(GArray) by_holder = dm_stats_differences (partition, anc, loc, FALSE);
  g_autoptr(GArray) by_status = dm_stats_differences (partition, anc, loc, TRUE);
  double expected = 0.0, sum = 0.0;
  gboolean donetsk = FALSE;
  DmHandover h;

  for (guint i = 0; i < by_holder->len; i++)
    {
      const DmDifference *d = &g_array_index (by_holder, DmDifference, i);

      g_test_message ("%s %s: %s → %s, %.1f km²", dm_region_to_string (d->region),
                      dm_part_to_string (d->part), dm_holder_to_string (d->holder_b),
                      dm_holder_to_string (d->holder_a), d->area_km2);
      g_assert_false (d->region == DM_REGION_LUHANSK && d->part == DM_PART_RUSSIAN_HELD);
      g_assert_false (d->region == DM_REGION_ZAPORIZHZHIA || d->region == DM_REGION_KHERSON);
      g_assert_true (d->changes_hands);
      if (d->region == DM_REGION_DONETSK)
        {
          g_assert_cmpint (d->part, ==, DM_PART_UKRAINIAN_HELD);
          g_assert_cmpint (d->holder_a, ==, DM_HOLDER_RUSSIA);
          g_assert_cmpint (d->holder_b, ==, DM_HOLDER_UKRAINE);
          donetsk = TRUE;
        }
      sum += d->area_km2;
    }
  g_assert_true (donetsk);
  /* Ukraine's remainders of Crimea, Luhansk and Donetsk; Russia's pockets
   * in Kharkiv, Sumy and Dnipropetrovsk (Mykolaiv is not mentioned). */
  for (DmRegion r = 0; r <= DM_REGION_DONETSK; r++)
    expected += dm_partition_get_area (partition, r, DM_PART_UKRAINIAN_HELD);
  for (DmRegion r = DM_REGION_KHARKIV; r <= DM_REGION_DNIPROPETROVSK; r++)
    expected += dm_partition_get_area (partition, r, DM_PART_RUSSIAN_HELD);
  g_assert_cmpfloat_with_epsilon (sum, expected, 1e-6);
  g_assert_cmpfloat (sum, <, 10000.0);

  dm_stats_handover (partition, anc, &h);
  g_assert_cmpfloat_with_epsilon (h.ua_to_russia + h.ru_to_ukraine, expected, 1e-6);

  /* Every wording difference, for those who want it: withdraw ≠ de facto. */
  g_assert_cmpuint (by_status->len, >, by_holder->len);
  for (guint i = 0; i < by_status->len; i++)
    {
      const DmDifference *d = &g_array_index (by_status, DmDifference, i);

      if (d->region == DM_REGION_LUHANSK && d->part == DM_PART_RUSSIAN_HELD)
        g_assert_false (d->changes_hands);
    }
}

/* Headlines name every category, say who administers a zone, and warn
 * when they rest on unclear clauses. */
static void
test_headlines (void)
{
  g_autoptr(DmPartition) partition = dm_test_partition_for ("2025-11-20");
  g_autoptr(DmScenario) p28 = scenario_for ("us-28-point-2025-11");
  g_autoptr(DmScenario) witkoff = scenario_for ("witkoff-recommendation-2025-04");
  g_autoptr(DmScenario) loc = scenario_for ("line-of-contact");
  g_autofree char *h28 = dm_stats_headline (partition, p28);
  g_autofree char *hw = dm_stats_headline (partition, witkoff);
  g_autofree char *hloc = dm_stats_headline (partition, loc);

  g_test_message ("%s\n%s\n%s", h28, hw, hloc);
  g_assert_nonnull (strstr (h28, "of Ukrainian-held Donetsk (Ukraine withdraws; neutral "
                                 "demilitarised buffer zone \"internationally recognised as "
                                 "Russian\"; Russian forces do not enter) would become a "
                                 "demilitarised zone"));
  g_assert_nonnull (strstr (h28, "would pass to Russia"));
  g_assert_nonnull (strstr (h28, "would return to Ukraine"));
  g_assert_nonnull (strstr (hw, "of Ukrainian-held Zaporizhzhia [unclear]"));
  g_assert_nonnull (strstr (hw, "rest on clauses whose reports conflict or are silent"));
  g_assert_nonnull (strstr (hloc, "no land would change hands"));
}

/* ---- `demarcate stats --places` and its JSON ---- */

static char *
run_stats (const char * const *args)
{
  const char *binary = g_getenv ("DEMARCATE_BINARY");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_ptr_array_add (argv, (gpointer) binary);
  g_ptr_array_add (argv, "stats");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  proc = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                            &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  return out;
}

static gboolean
have_binary (void)
{
  const char *binary = g_getenv ("DEMARCATE_BINARY");

  if (binary == NULL || !g_file_test (binary, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("DEMARCATE_BINARY is not set to the built demarcate");
      return FALSE;
    }
  return TRUE;
}

static void
test_cli_places (void)
{
  g_autoptr(DmPartition) partition = NULL;
  g_autoptr(DmScenario) s = NULL;
  g_autoptr(DmScenario) loc = NULL;
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GPtrArray) differing = NULL;
  g_autofree char *out = NULL;
  g_autofree char *out_compare = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean kramatorsk = FALSE;

  if (!have_binary ())
    return;
  partition = dm_test_partition_for ("2025-11-20");
  s = scenario_for ("us-28-point-2025-11");
  loc = scenario_for ("line-of-contact");
  places = dm_stats_places_changing_hands (partition, s, dm_test_geodata ());
  differing = dm_stats_places_differing (partition, s, loc, dm_test_geodata ());

  /* One table per invocation: the parts... */
  out = run_stats ((const char *[]) { "-p", "us-28-point-2025-11", "-d", "2025-11-20", NULL });
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpstr (lines[0], ==, "proposal,date,region,part,status,certainty,holder,area_km2");
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 9 * 3);
  g_assert_true (g_strv_contains ((const char * const *) lines,
                                  "us-28-point-2025-11,2025-11-20,donetsk,russian-held,"
                                  "russia-de-facto,text,russia,20336.6"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&lines, g_strfreev);

  /* ...or the places, and nothing else. */
  out = run_stats ((const char *[]) { "-p", "us-28-point-2025-11", "-d", "2025-11-20",
                                      "--places", NULL });
  g_assert_null (strstr (out, "\n\n"));
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpstr (lines[0], ==, "proposal,compare_proposal,date,place,region,lat,lon,"
                                 "population,from_holder,to_holder");
  g_assert_cmpuint (g_strv_length (lines) - 1, ==, places->len);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = g_strsplit (lines[i], ",", -1);

      g_assert_cmpuint (g_strv_length (cols), ==, 10);
      g_assert_cmpstr (cols[0], ==, "us-28-point-2025-11");
      g_assert_cmpstr (cols[1], ==, "line-of-contact");
      g_assert_cmpstr (cols[2], ==, "2025-11-20");
      /* An unknown population is left empty, never 0. */
      g_assert_cmpstr (cols[7], !=, "0");
      g_assert_cmpstr (cols[8], !=, cols[9]);
      if (g_str_equal (cols[3], "Kramatorsk"))
        {
          g_assert_cmpstr (lines[i], ==, "us-28-point-2025-11,line-of-contact,2025-11-20,"
                                         "Kramatorsk,donetsk,48.73106,37.56779,173700,ukraine,dmz");
          kramatorsk = TRUE;
        }
    }
  g_assert_true (kramatorsk);

  out_compare = run_stats ((const char *[]) { "-p", "us-28-point-2025-11", "-d", "2025-11-20",
                                              "--places", "--compare", "line-of-contact",
                                              NULL });
  g_clear_pointer (&lines, g_strfreev);
  lines = g_strsplit (g_strchomp (out_compare), "\n", -1);
  g_assert_cmpstr (lines[0], ==, "proposal,compare_proposal,date,place,region,lat,lon,"
                                 "population,from_holder,to_holder");
  g_assert_cmpuint (g_strv_length (lines) - 1, ==, differing->len);
  g_clear_pointer (&out_compare, g_free);

  /* --compare: one table, every part, with both sides and changes_hands. */
  out_compare = run_stats ((const char *[]) { "-p", "ru-anchorage-2025-08", "-d", "2025-11-20",
                                              "--compare", "line-of-contact", NULL });
  g_clear_pointer (&lines, g_strfreev);
  lines = g_strsplit (g_strchomp (out_compare), "\n", -1);
  g_assert_cmpstr (lines[0], ==, "proposal,compare_proposal,date,region,part,status,certainty,"
                                 "holder,compare_status,compare_certainty,compare_holder,"
                                 "changes_hands,area_km2");
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 9 * 3);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = g_strsplit (lines[i], ",", -1);

      g_assert_cmpuint (g_strv_length (cols), ==, 13);
      g_assert_cmpstr (cols[0], ==, "ru-anchorage-2025-08");
      g_assert_cmpstr (cols[1], ==, "line-of-contact");
      if (g_str_equal (cols[4], "all"))
        g_assert_cmpstr (cols[11], ==, "");
      else
        g_assert_true (g_str_equal (cols[11], "yes") || g_str_equal (cols[11], "no"));
    }
}

static void
test_cli_json (void)
{
  g_autoptr(DmPartition) partition = NULL;
  g_autoptr(DmScenario) s = NULL;
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  JsonObject *root, *totals;
  JsonArray *by_status, *rows, *json_places;
  DmPlaceTotals expected;
  double by_status_sum = 0.0, rows_sum = 0.0;

  if (!have_binary ())
    return;
  partition = dm_test_partition_for ("2025-11-20");
  s = scenario_for ("us-28-point-2025-11");
  places = dm_stats_places_changing_hands (partition, s, dm_test_geodata ());
  dm_stats_place_totals (places, &expected);

  out = run_stats ((const char *[]) { "-p", "us-28-point-2025-11", "-d", "2025-11-20",
                                      "--format", "json", NULL });
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  totals = json_object_get_object_member (root, "place_totals");
  g_assert_cmpint (json_object_get_int_member (totals, "count"), ==, expected.n_places);
  g_assert_cmpint (json_object_get_int_member (totals, "population"), ==, expected.population);
  g_assert_cmpint (json_object_get_int_member (totals, "unknown_population_count"), ==,
                   expected.n_unknown_population);
  json_places = json_object_get_array_member (root, "places");
  g_assert_cmpuint (json_array_get_length (json_places), ==, places->len);
  for (guint i = 0; i < places->len; i++)
    {
      JsonObject *place = json_array_get_object_element (json_places, i);
      const DmStatsPlace *sp = g_ptr_array_index (places, i);

      g_assert_cmpstr (json_object_get_string_member (place, "name"), ==, sp->place->name);
      if (sp->place->population == 0)
        g_assert_true (json_object_get_null_member (place, "population"));
      else
        g_assert_cmpint (json_object_get_int_member (place, "population"), ==,
                         sp->place->population);
    }

  by_status = json_object_get_array_member (root, "by_status");
  rows = json_object_get_array_member (root, "rows");
  for (guint i = 0; i < json_array_get_length (by_status); i++)
    by_status_sum += json_object_get_double_member (json_array_get_object_element (by_status, i),
                                                    "area_km2");
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (g_str_equal (json_object_get_string_member (row, "status"), "total"))
        rows_sum += json_object_get_double_member (row, "area_km2");
    }
  g_assert_cmpfloat_with_epsilon (by_status_sum, rows_sum, 1e-6);
  g_assert_true (json_object_has_member (root, "changes_hands"));

  /* Certainty and holder travel with every part. */
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (g_str_equal (json_object_get_string_member (row, "status"), "total"))
        continue;
      g_assert_true (json_object_has_member (row, "certainty"));
      g_assert_true (json_object_has_member (row, "holder"));
      if (g_str_equal (json_object_get_string_member (row, "region"), "donetsk") &&
          g_str_equal (json_object_get_string_member (row, "part"), "ukrainian-held"))
        {
          g_assert_cmpstr (json_object_get_string_member (row, "certainty"), ==, "text");
          g_assert_cmpstr (json_object_get_string_member (row, "holder"), ==, "dmz");
        }
      if (g_str_equal (json_object_get_string_member (row, "region"), "kharkiv") &&
          g_str_equal (json_object_get_string_member (row, "part"), "russian-held"))
        g_assert_cmpstr (json_object_get_string_member (row, "certainty"), ==, "unclear");
    }
  g_assert_nonnull (strstr (json_object_get_string_member (root, "headline"),
                            "of Ukrainian-held Donetsk"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stats/square-formula", test_square_formula);
  g_test_add_func ("/stats/synthetic/parts", test_synthetic_parts);
  g_test_add_func ("/stats/synthetic/handover", test_synthetic_handover);
  g_test_add_func ("/stats/synthetic/by-status", test_synthetic_by_status);
  g_test_add_func ("/stats/synthetic/places", test_synthetic_places);
  g_test_add_func ("/stats/places-28-point", test_places_28_point);
  g_test_add_func ("/stats/places-off-land", test_places_off_land);
  g_test_add_func ("/stats/by-status-sums", test_by_status_sums);
  g_test_add_func ("/stats/holder-anchorage", test_holder_anchorage);
  g_test_add_func ("/stats/headlines", test_headlines);
  g_test_add_func ("/stats/cli/places", test_cli_places);
  g_test_add_func ("/stats/cli/json", test_cli_json);

  return g_test_run ();
}
