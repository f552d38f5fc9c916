/* dm-stats.c: areas by status, what changes hands and the places in it, for a scenario. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "dm-stats.h"

/* One polygon of a selected region part: its envelope, which rejects most
 * places, and its rings' lon/lat vertices copied out of OGR once per call. */
typedef struct
{
  DmRegion     region;
  DmPart       part;
  OGREnvelope  env;
  GArray      *xy;         /* double lon/lat pairs, ring after ring */
  GArray      *ring_sizes; /* guint: vertices per ring */
} PartPiece;

/* A Ukrainian place off the 1:10m land polygons (Kherson on the Dnipro,
 * harbours, border crossings) counts in the part that holds most of the
 * land within this many degrees of latitude (3.3 km): the farthest such
 * place in places.geojson is 0.024° off. The nearest part would not do:
 * slivers where the control line and the coast disagree lie nearest. */
#define VOTE_RADIUS 0.03
#define VOTE_STEPS  8   /* samples per radius */

/* The held-now side of a part: what the line of contact gives it. */
static DmHolder
current_holder (DmPart part)
{
  return part == DM_PART_RUSSIAN_HELD ? DM_HOLDER_RUSSIA : DM_HOLDER_UKRAINE;
}

/* Who would hold the part. "Withdraw" on land Russia holds and "frozen" on
 * either side leave it where it is; "not addressed" keeps it with whoever
 * holds it; "open" and "unpublished" leave it undecided. */
DmHolder
dm_part_holder (DmScenario *scenario,
                DmRegion    region,
                DmPart      part)
{
  DmStatus status = dm_scenario_get_status (scenario, region, part);

  switch (status)
    {
    case DM_STATUS_OPEN:
    case DM_STATUS_UNPUBLISHED:
      return DM_HOLDER_UNDECIDED;
    case DM_STATUS_DEMILITARIZED:
      return DM_HOLDER_DMZ;
    default:
      break;
    }
  switch (dm_status_outcome (status, part))
    {
    case DM_OUTCOME_UKRAINE: return DM_HOLDER_UKRAINE;
    case DM_OUTCOME_RUSSIA:  return DM_HOLDER_RUSSIA;
    case DM_OUTCOME_NEUTRAL: return DM_HOLDER_DMZ;
    case DM_OUTCOME_AS_NOW:
    default:                 return current_holder (part);
    }
}

int
dm_part_certainty (DmScenario *scenario,
                   DmRegion    region,
                   DmPart      part)
{
  const DmClause *clause;

  if (dm_scenario_is_edited (scenario, region, part))
    return DM_CERTAINTY_EDITED;
  clause = dm_scenario_get_clause (scenario, region, part);
  return clause != NULL ? (int) clause->certainty : DM_CERTAINTY_UNCLEAR;
}

const char *
dm_part_certainty_to_string (int certainty)
{
  if (certainty < 0 || certainty >= DM_N_CERTAINTIES)
    return "edited";
  return dm_certainty_to_string (certainty);
}

/* The certainty's word in the reader's language, for the legend, the
 * sidebar and Measures; dm_part_certainty_to_string's (text, reported,
 * unclear, edited) is for data files and the CSV. */
const char *
dm_part_certainty_word (int certainty)
{
  switch (certainty)
    {
    /* Translators: in the legend, "Russian de facto (text)": the clause is in a published or leaked text */
    case DM_CERTAINTY_TEXT:     return C_("certainty", "text");
    /* Translators: in the legend: the clause is known only from reporting */
    case DM_CERTAINTY_REPORTED: return C_("certainty", "reported");
    /* Translators: in the legend: reports conflict or are silent */
    case DM_CERTAINTY_UNCLEAR:  return C_("certainty", "unclear");
    /* Translators: in the legend: the user changed this part's status */
    default:                    return C_("certainty", "edited");
    }
}

/* Land changes hands when both holders are decided and differ; a part
 * left undecided has not changed hands (yet). */
gboolean
dm_holders_change_hands (DmHolder from,
                         DmHolder to)
{
  return from != to && from != DM_HOLDER_UNDECIDED && to != DM_HOLDER_UNDECIDED;
}

/* Against the line of contact at the partition's date. */
gboolean
dm_part_changes_hands (DmScenario *scenario,
                       DmRegion    region,
                       DmPart      part)
{
  return dm_holders_change_hands (current_holder (part),
                                  dm_part_holder (scenario, region, part));
}

/* By holder (who would hold the land), or by the wording of the status. */
gboolean
dm_parts_differ (DmScenario *a,
                 DmScenario *b,
                 DmRegion    region,
                 DmPart      part,
                 gboolean    by_status)
{
  if (by_status && dm_scenario_get_status (a, region, part) !=
                   dm_scenario_get_status (b, region, part))
    return TRUE;
  return dm_part_holder (a, region, part) != dm_part_holder (b, region, part);
}

/* Every part with its status, certainty and holder, and each region's
 * total; with compare, the same of the compared scenario and whether the
 * part changes hands between the two (else against the line of contact). */
GArray *
dm_stats_rows_compare (DmPartition *partition,
                       DmScenario  *scenario,
                       DmScenario  *compare)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (DmStatsRow));

  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    {
      DmStatsRow total = { 0, };

      total.region = r;
      total.part = DM_PART_ALL;
      total.status = DM_STATUS_OPEN;
      total.is_total = TRUE;
      total.has_compare = compare != NULL;
      for (DmPart p = 0; p < DM_N_PARTS; p++)
        {
          DmStatsRow row = { 0, };

          if (!dm_partition_has_part (partition, r, p))
            continue;
          row.region = r;
          row.part = p;
          row.status = dm_scenario_get_status (scenario, r, p);
          row.area_km2 = dm_partition_get_area (partition, r, p);
          row.certainty = dm_part_certainty (scenario, r, p);
          row.holder = dm_part_holder (scenario, r, p);
          row.has_compare = compare != NULL;
          if (compare != NULL)
            {
              row.compare_status = dm_scenario_get_status (compare, r, p);
              row.compare_certainty = dm_part_certainty (compare, r, p);
              row.compare_holder = dm_part_holder (compare, r, p);
              row.changes_hands = dm_holders_change_hands (row.holder, row.compare_holder);
            }
          else
            row.changes_hands = dm_part_changes_hands (scenario, r, p);
          g_array_append_val (rows, row);
          total.area_km2 += row.area_km2;
        }
      g_array_append_val (rows, total);
    }
  return rows;
}

GArray *
dm_stats_rows (DmPartition *partition,
               DmScenario  *scenario)
{
  return dm_stats_rows_compare (partition, scenario, NULL);
}

/* Compared with the line of contact at the partition's date. */
void
dm_stats_handover (DmPartition *partition,
                   DmScenario  *scenario,
                   DmHandover  *out)
{
  memset (out, 0, sizeof *out);

  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    for (DmPart p = 0; p < DM_N_PARTS; p++)
      {
        DmHolder holder = dm_part_holder (scenario, r, p);
        gboolean ua = p == DM_PART_UKRAINIAN_HELD;
        double area;

        if (!dm_partition_has_part (partition, r, p) || holder == current_holder (p))
          continue;
        area = dm_partition_get_area (partition, r, p);
        switch (holder)
          {
          case DM_HOLDER_RUSSIA:    out->ua_to_russia += area; break;
          case DM_HOLDER_UKRAINE:   out->ru_to_ukraine += area; break;
          case DM_HOLDER_DMZ:       *(ua ? &out->ua_to_neutral : &out->ru_to_neutral) += area; break;
          case DM_HOLDER_UNDECIDED:
          case DM_N_HOLDERS:
          default:                  *(ua ? &out->ua_to_undecided : &out->ru_to_undecided) += area; break;
          }
        if (dm_part_certainty (scenario, r, p) == DM_CERTAINTY_UNCLEAR)
          out->unclear_km2 += area;
      }
}

/* Rows in status order, for the statuses that some existing part has. */
GArray *
dm_stats_by_status (DmPartition *partition,
                    DmScenario  *scenario)
{
  DmStatusArea by_status[DM_N_STATUSES] = { { 0, }, };
  gboolean used[DM_N_STATUSES] = { FALSE, };
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (DmStatusArea));

  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    for (DmPart p = 0; p < DM_N_PARTS; p++)
      {
        DmStatus status = dm_scenario_get_status (scenario, r, p);
        double area;

        if (!dm_partition_has_part (partition, r, p) || status >= DM_N_STATUSES)
          continue;
        area = dm_partition_get_area (partition, r, p);
        used[status] = TRUE;
        by_status[status].region_km2[r] += area;
        by_status[status].area_km2 += area;
      }

  for (DmStatus s = 0; s < DM_N_STATUSES; s++)
    {
      if (!used[s])
        continue;
      by_status[s].status = s;
      g_array_append_val (rows, by_status[s]);
    }
  return rows;
}

/* The parts where a and b would leave the land to different holders (or,
 * by_status, also where only the wording of the status differs). */
GArray *
dm_stats_differences (DmPartition *partition,
                      DmScenario  *a,
                      DmScenario  *b,
                      gboolean     by_status)
{
  GArray *diffs = g_array_new (FALSE, TRUE, sizeof (DmDifference));

  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    for (DmPart p = 0; p < DM_N_PARTS; p++)
      {
        DmDifference d = { 0, };

        if (!dm_partition_has_part (partition, r, p) || !dm_parts_differ (a, b, r, p, by_status))
          continue;
        d.region = r;
        d.part = p;
        d.status_a = dm_scenario_get_status (a, r, p);
        d.status_b = dm_scenario_get_status (b, r, p);
        d.area_km2 = dm_partition_get_area (partition, r, p);
        d.certainty_a = dm_part_certainty (a, r, p);
        d.certainty_b = dm_part_certainty (b, r, p);
        d.holder_a = dm_part_holder (a, r, p);
        d.holder_b = dm_part_holder (b, r, p);
        d.changes_hands = dm_holders_change_hands (d.holder_a, d.holder_b);
        g_array_append_val (diffs, d);
      }
  return diffs;
}

static void
part_piece_clear (gpointer data)
{
  PartPiece *piece = data;

  g_clear_pointer (&piece->xy, g_array_unref);
  g_clear_pointer (&piece->ring_sizes, g_array_unref);
}

static void
add_pieces (GArray       *pieces,
            DmRegion      region,
            DmPart        part,
            OGRGeometryH  geometry)
{
  OGRwkbGeometryType type;

  if (geometry == NULL || OGR_G_IsEmpty (geometry))
    return;

  type = wkbFlatten (OGR_G_GetGeometryType (geometry));
  if (type == wkbPolygon)
    {
      PartPiece piece = { region, part, { 0, }, NULL, NULL };

      OGR_G_GetEnvelope (geometry, &piece.env);
      piece.xy = g_array_new (FALSE, FALSE, sizeof (double));
      piece.ring_sizes = g_array_new (FALSE, FALSE, sizeof (guint));
      for (int i = 0; i < OGR_G_GetGeometryCount (geometry); i++)
        {
          OGRGeometryH ring = OGR_G_GetGeometryRef (geometry, i);
          guint n = OGR_G_GetPointCount (ring);
          guint start = piece.xy->len;

          g_array_set_size (piece.xy, start + 2 * n);
          OGR_G_GetPoints (ring, &g_array_index (piece.xy, double, start), 2 * sizeof (double),
                           &g_array_index (piece.xy, double, start + 1), 2 * sizeof (double),
                           NULL, 0);
          g_array_append_val (piece.ring_sizes, n);
        }
      g_array_append_val (pieces, piece);
    }
  else if (type == wkbMultiPolygon || type == wkbGeometryCollection)
    {
      for (int i = 0; i < OGR_G_GetGeometryCount (geometry); i++)
        add_pieces (pieces, region, part, OGR_G_GetGeometryRef (geometry, i));
    }
}

/* On the lon/lat vertices with straight edges between them, as GEOS and
 * the area measure see the polygon. */
static gboolean
piece_contains (const PartPiece *piece,
                double           lon,
                double           lat)
{
  if (lon < piece->env.MinX || lon > piece->env.MaxX ||
      lat < piece->env.MinY || lat > piece->env.MaxY)
    return FALSE;
  return dm_rings_contain (piece->xy, piece->ring_sizes, lon, lat);
}

/* Whether a vote round the place could reach a selected part at all: the
 * vote is only worth taking near one. */
static gboolean
near_piece (GArray        *pieces,
            const DmPlace *place)
{
  double lon_radius = VOTE_RADIUS / cos (place->lat * G_PI / 180.0);

  for (guint i = 0; i < pieces->len; i++)
    {
      const PartPiece *piece = &g_array_index (pieces, PartPiece, i);

      if (place->lon >= piece->env.MinX - lon_radius &&
          place->lon <= piece->env.MaxX + lon_radius &&
          place->lat >= piece->env.MinY - VOTE_RADIUS &&
          place->lat <= piece->env.MaxY + VOTE_RADIUS)
        return TRUE;
    }
  return FALSE;
}

/* The Mercator shapes are exact enough to tell a point on land from one in
 * the sea, and far cheaper than GEOS for the few hundred samples a vote takes. */
static gboolean
on_land (GPtrArray *oblasts,
         double     x,
         double     y)
{
  for (guint i = 0; i < oblasts->len; i++)
    if (dm_shape_contains (g_ptr_array_index (oblasts, i), x, y))
      return TRUE;
  return FALSE;
}

/* Samples a disc round the place: each land sample votes for the part it
 * lies in, or for "no part" (Ukraine outside the parts). */
static gboolean
vote_part (DmPartition   *partition,
           GPtrArray     *oblasts,
           const DmPlace *place,
           DmRegion      *region,
           DmPart        *part)
{
  guint votes[DM_N_REGIONS][DM_N_PARTS] = { { 0, }, };
  guint no_part = 0, best = 0;
  double lon_radius = VOTE_RADIUS / cos (place->lat * G_PI / 180.0);
  gboolean tie = FALSE;

  for (int i = -VOTE_STEPS; i <= VOTE_STEPS; i++)
    for (int j = -VOTE_STEPS; j <= VOTE_STEPS; j++)
      {
        gboolean counted = FALSE;
        double x, y;

        if (i * i + j * j > VOTE_STEPS * VOTE_STEPS)
          continue;
        dm_lonlat_to_world (place->lon + lon_radius * i / VOTE_STEPS,
                            place->lat + VOTE_RADIUS * j / VOTE_STEPS, &x, &y);
        for (DmRegion r = 0; r < DM_N_REGIONS && !counted; r++)
          for (DmPart p = 0; p < DM_N_PARTS && !counted; p++)
            if (dm_shape_contains (dm_partition_get_shape (partition, r, p), x, y))
              {
                votes[r][p]++;
                counted = TRUE;
              }
        if (!counted && on_land (oblasts, x, y))
          no_part++;
      }

  best = no_part;
  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    for (DmPart p = 0; p < DM_N_PARTS; p++)
      {
        if (votes[r][p] > best)
          {
            best = votes[r][p];
            *region = r;
            *part = p;
            tie = FALSE;
          }
        else if (votes[r][p] == best && best > 0)
          tie = TRUE;
      }
  /* No land near, most of it outside the parts, or no clear majority. */
  return best > no_part && !tie;
}

/* Largest first, places whose population is unknown last, then by name. */
static int
compare_places (gconstpointer a,
                gconstpointer b)
{
  const DmPlace *pa = (*(DmStatsPlace **) a)->place;
  const DmPlace *pb = (*(DmStatsPlace **) b)->place;

  if (pa->population != pb->population)
    return pa->population > pb->population ? -1 : 1;
  return g_strcmp0 (pa->name, pb->name);
}

/* Each place is tested against the parts' full lon/lat geometry (the one
 * the areas are measured on), not against the painted Mercator shapes, and
 * without GEOS, which would convert a whole part for every place tested.
 * A Ukrainian place off the land polygons counts where vote_part() puts it. */
static GPtrArray *
places_in_parts (DmPartition *partition,
                 DmGeodata   *geodata,
                 DmScenario  *a,
                 DmScenario  *b,
                 gboolean     selected[DM_N_REGIONS][DM_N_PARTS])
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *places = dm_geodata_get_places (geodata);
  GPtrArray *oblasts = dm_geodata_get_shapes (geodata, DM_LAYER_OBLASTS);
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (PartPiece));
  gboolean any = FALSE;

  g_array_set_clear_func (pieces, part_piece_clear);
  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    for (DmPart p = 0; p < DM_N_PARTS; p++)
      if (selected[r][p] && dm_partition_has_part (partition, r, p))
        {
          add_pieces (pieces, r, p, dm_partition_get_geometry (partition, r, p));
          any = TRUE;
        }

  for (guint i = 0; any && i < places->len; i++)
    {
      const DmPlace *place = g_ptr_array_index (places, i);
      const PartPiece *piece = NULL;
      DmStatsPlace *found;
      DmRegion region = DM_REGION_CRIMEA;
      DmPart part = DM_PART_RUSSIAN_HELD;

      /* The parts do not overlap: the first one that holds it is the one. */
      for (guint j = 0; j < pieces->len && piece == NULL; j++)
        if (piece_contains (&g_array_index (pieces, PartPiece, j), place->lon, place->lat))
          piece = &g_array_index (pieces, PartPiece, j);

      if (piece != NULL)
        {
          region = piece->region;
          part = piece->part;
        }
      /* Places abroad have no oblast; nor are they voted on. */
      else if (place->oblast == NULL || !near_piece (pieces, place) ||
               on_land (oblasts, place->x, place->y) ||
               !vote_part (partition, oblasts, place, &region, &part) ||
               !selected[region][part])
        continue;

      found = g_new0 (DmStatsPlace, 1);
      found->place = place;
      found->region = region;
      found->part = part;
      found->status = dm_scenario_get_status (a, region, part);
      found->compare_status = dm_scenario_get_status (b, region, part);
      if (a == b)
        {
          found->from_holder = current_holder (part);
          found->to_holder = dm_part_holder (a, region, part);
        }
      else
        {
          /* The compared proposal is the reference, as the line of contact is. */
          found->from_holder = dm_part_holder (b, region, part);
          found->to_holder = dm_part_holder (a, region, part);
        }
      g_ptr_array_add (out, found);
    }
  g_ptr_array_sort (out, compare_places);
  return out;
}

/* The bundled places in every part that changes hands against the line of
 * contact at the partition's date (see dm_part_changes_hands()). */
GPtrArray *
dm_stats_places_changing_hands (DmPartition *partition,
                                DmScenario  *scenario,
                                DmGeodata   *geodata)
{
  gboolean selected[DM_N_REGIONS][DM_N_PARTS];

  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    for (DmPart p = 0; p < DM_N_PARTS; p++)
      selected[r][p] = dm_part_changes_hands (scenario, r, p);
  return places_in_parts (partition, geodata, scenario, scenario, selected);
}

/* The bundled places in every part that would change hands between a and b. */
GPtrArray *
dm_stats_places_differing (DmPartition *partition,
                           DmScenario  *a,
                           DmScenario  *b,
                           DmGeodata   *geodata)
{
  gboolean selected[DM_N_REGIONS][DM_N_PARTS];

  /* Places whose holder differs, not merely the wording of the status:
   * "frozen" on a Ukrainian-held part leaves its towns Ukrainian, as
   * "ukraine" does, so those towns are not counted; nor are towns one of
   * the two leaves undecided. */
  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    for (DmPart p = 0; p < DM_N_PARTS; p++)
      selected[r][p] = dm_holders_change_hands (dm_part_holder (a, r, p),
                                                dm_part_holder (b, r, p));
  return places_in_parts (partition, geodata, a, b, selected);
}

/* Population 0 means the data does not have it: such places are counted
 * apart rather than as empty. */
void
dm_stats_place_totals (GPtrArray     *places,
                       DmPlaceTotals *out)
{
  memset (out, 0, sizeof *out);
  for (guint i = 0; i < places->len; i++)
    {
      const DmStatsPlace *sp = g_ptr_array_index (places, i);

      out->n_places++;
      if (sp->place->population == 0)
        out->n_unknown_population++;
      else
        out->population += sp->place->population;
    }
}
