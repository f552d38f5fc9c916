/* dm-error.h: the error domain for everything the core reports to users. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DM_ERROR (dm_error_quark ())

typedef enum
{
  DM_ERROR_IO,          /* cannot read or write the file */
  DM_ERROR_EMPTY,       /* the file or layer holds nothing */
  DM_ERROR_TOO_LARGE,   /* over the size limit */
  DM_ERROR_FORMAT,      /* not parseable in the expected format */
  DM_ERROR_GEOMETRY,    /* wrong type, NaN, unrepairable */
  DM_ERROR_CRS,         /* coordinates not in a usable reference system */
  DM_ERROR_INVALID,     /* parsed but breaks the rules (proposals, scenarios) */
  DM_ERROR_NOT_FOUND,   /* unknown proposal id, date or region */
  DM_ERROR_CANCELLED,
} DmError;

GQuark dm_error_quark (void);

G_END_DECLS
