/* dm-partition.c: derives region ∩ control, region − control and the control area outside the regions. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dm-error.h"
#include "dm-geom.h"
#include "dm-partition.h"

struct _DmPartition
{
  gatomicrefcount  ref_count;
  char            *date;
  char            *source;
  OGRGeometryH     control;
  OGRGeometryH     parts[DM_N_REGIONS][DM_N_PARTS];
  double           area[DM_N_REGIONS][DM_N_PARTS];
  DmShape         *shapes[DM_N_REGIONS][DM_N_PARTS];
  DmShape         *front; /* the line of contact: the control area's edge inside Ukraine */
};

G_DEFINE_BOXED_TYPE (DmPartition, dm_partition, dm_partition_ref, dm_partition_unref)

DmPartition *
dm_partition_ref (DmPartition *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
dm_partition_unref (DmPartition *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint r = 0; r < DM_N_REGIONS; r++)
    for (guint p = 0; p < DM_N_PARTS; p++)
      {
        g_clear_pointer (&self->parts[r][p], OGR_G_DestroyGeometry);
        g_clear_pointer (&self->shapes[r][p], dm_shape_unref);
      }
  g_clear_pointer (&self->front, dm_shape_unref);
  g_clear_pointer (&self->control, OGR_G_DestroyGeometry);
  g_free (self->date);
  g_free (self->source);
  g_free (self);
}

static gboolean
set_part (DmPartition   *self,
          DmRegion       region,
          DmPart         part,
          OGRGeometryH   geometry,
          GError       **error)
{
  if (geometry == NULL)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_GEOMETRY,
                   _("The %s of %s cannot be computed from the control area of %s"),
                   dm_part_label (part), dm_region_label (region), self->date);
      return FALSE;
    }
  self->parts[region][part] = geometry;
  self->area[region][part] = dm_geom_area_km2 (geometry);
  self->shapes[region][part] = dm_shape_new (geometry);
  return TRUE;
}

/* The control area's outline minus Ukraine's border and coast (with a margin
 * of about 2 km, since the two were digitised separately). */
static DmShape *
front_line (OGRGeometryH control,
            OGRGeometryH ukraine)
{
  g_auto(DmOgrGeometry) edge = OGR_G_Boundary (control);
  g_auto(DmOgrGeometry) border = OGR_G_Boundary (ukraine);
  g_auto(DmOgrGeometry) margin = border ? OGR_G_Buffer (border, 0.02, 4) : NULL;
  g_auto(DmOgrGeometry) front = (edge && margin) ? OGR_G_Difference (edge, margin) : NULL;

  return dm_shape_new (front);
}

DmPartition *
dm_partition_derive (DmGeodata     *geodata,
                     DmControlArea *control,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(DmPartition) self = g_new0 (DmPartition, 1);
  g_auto(DmOgrGeometry) five = OGR_G_CreateGeometry (wkbMultiPolygon);
  g_auto(DmOgrGeometry) five_union = NULL;

  g_atomic_ref_count_init (&self->ref_count);
  self->date = g_strdup (control->date);
  self->source = g_strdup (control->source);
  /* Only the part inside Ukraine counts: an imported layer may spill over. */
  self->control = dm_geom_intersection (control->geometry, dm_geodata_get_ukraine (geodata));
  if (self->control == NULL)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_GEOMETRY,
                   _("%s: the control area cannot be intersected with Ukraine’s borders"),
                   control->path);
      return NULL;
    }

  for (DmRegion r = 0; r < DM_N_NAMED_REGIONS; r++)
    {
      OGRGeometryH region = dm_geodata_get_region (geodata, r);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      if (!set_part (self, r, DM_PART_RUSSIAN_HELD,
                     dm_geom_intersection (region, self->control), error) ||
          !set_part (self, r, DM_PART_UKRAINIAN_HELD,
                     dm_geom_difference (region, self->control), error))
        return NULL;

      for (int j = 0; j < OGR_G_GetGeometryCount (region); j++)
        OGR_G_AddGeometry (five, OGR_G_GetGeometryRef (region, j));
    }

  five_union = OGR_G_UnionCascaded (five);
  if (!set_part (self, DM_REGION_OTHER, DM_PART_RUSSIAN_HELD,
                 dm_geom_difference (self->control, five_union), error) ||
      !set_part (self, DM_REGION_OTHER, DM_PART_UKRAINIAN_HELD,
                 OGR_G_CreateGeometry (wkbMultiPolygon), error))
    return NULL;

  self->front = front_line (self->control, dm_geodata_get_ukraine (geodata));
  return g_steal_pointer (&self);
}

DmShape *
dm_partition_get_shape (DmPartition *self,
                        DmRegion     region,
                        DmPart       part)
{
  g_return_val_if_fail (region < DM_N_REGIONS && part < DM_N_PARTS, NULL);
  return self->shapes[region][part];
}

DmShape *
dm_partition_get_front (DmPartition *self)
{
  return self->front;
}

const char *
dm_partition_get_date (DmPartition *self)
{
  return self->date;
}

const char *
dm_partition_get_source (DmPartition *self)
{
  return self->source;
}

OGRGeometryH
dm_partition_get_control (DmPartition *self)
{
  return self->control;
}

OGRGeometryH
dm_partition_get_geometry (DmPartition *self,
                           DmRegion     region,
                           DmPart       part)
{
  g_return_val_if_fail (region < DM_N_REGIONS && part < DM_N_PARTS, NULL);
  return self->parts[region][part];
}

/* DM_PART_ALL gives the whole region. */
double
dm_partition_get_area (DmPartition *self,
                       DmRegion     region,
                       DmPart       part)
{
  g_return_val_if_fail (region < DM_N_REGIONS && part <= DM_PART_ALL, 0.0);
  if (part == DM_PART_ALL)
    return self->area[region][DM_PART_RUSSIAN_HELD] + self->area[region][DM_PART_UKRAINIAN_HELD];
  return self->area[region][part];
}

/* "Other areas" have no Ukrainian-held part; it is not listed or painted. */
gboolean
dm_partition_has_part (DmPartition *self,
                       DmRegion     region,
                       DmPart       part)
{
  return !(region == DM_REGION_OTHER && part == DM_PART_UKRAINIAN_HELD);
}

/* A part of under 1 km² is where two datasets' edges disagree (Crimea's
 * "Ukrainian-held part"), not land anyone holds: lists and legends leave
 * it out. */
gboolean
dm_partition_is_sliver (DmPartition *self,
                        DmRegion     region,
                        DmPart       part)
{
  return dm_partition_get_area (self, region, part) < 1.0;
}
