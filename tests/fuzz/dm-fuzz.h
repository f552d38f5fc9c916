/* dm-fuzz.h: what the libFuzzer targets share: GLib set-up and the bundled proposals. */
#pragma once

#include <stdint.h>
#include <stdlib.h>
#include <glib.h>

#include "dm-catalog.h"
#include "dm-gdal.h"

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

/* A critical or warning is a bug the fuzzer should report as a crash:
 * abort () (which libFuzzer catches and saves), not GLib's SIGTRAP. */
static GLogWriterOutput
dm_fuzz_log_writer (GLogLevelFlags   level,
                    const GLogField *fields,
                    gsize            n_fields,
                    gpointer         user_data)
{
  GLogWriterOutput output = g_log_writer_default (level & ~G_LOG_FLAG_FATAL, fields, n_fields,
                                                  user_data);

  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return output;
}

static inline void
dm_fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  g_log_set_writer_func (dm_fuzz_log_writer, NULL, NULL);
  dm_gdal_init ();
}

/* Scenarios and lessons name proposals: the bundled ones, no user folder. */
static inline DmCatalog *
dm_fuzz_catalog (void)
{
  static DmCatalog *catalog = NULL;

  if (catalog == NULL)
    {
      g_autoptr(GError) error = NULL;

      catalog = dm_catalog_new (dm_data_dir (), NULL, &error);
      if (catalog == NULL)
        g_error ("fuzz: the bundled data cannot be loaded: %s", error->message);
    }
  return catalog;
}

/* Every loader either succeeds or says why; never both, never neither. */
static inline void
dm_fuzz_check (gboolean      loaded,
               const GError *error)
{
  if (loaded == (error != NULL) || (error != NULL && *error->message == '\0'))
    abort ();
}
