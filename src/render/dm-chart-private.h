/* dm-chart-private.h: what the chart's figures (dm-chart.c) and its painter (dm-chart-draw.c) share. */
#pragma once

#include "dm-chart.h"

G_BEGIN_DECLS

typedef struct
{
  char *date;
  char *label;
} Marker;

struct _DmChart
{
  gatomicrefcount  ref;
  char            *from, *to;
  guint            every;
  GArray          *days;     /* DmChartDay */
  GArray          *markers;  /* Marker, by date */
};

/* The Julian day of a YYYY-MM-DD date; 0 when it is not one. */
int  _dm_chart_julian  (const char *date);

G_END_DECLS
