/* fuzz-scenario.c: libFuzzer target for the scenario loader. */
#include "config.h"

#include "dm-fuzz.h"
#include "dm-scenario.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  dm_fuzz_init ();
  dm_fuzz_catalog ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmScenario) scenario = NULL;
  g_autofree char *date = NULL;

  scenario = dm_scenario_new_from_data ((const char *) data, size, "fuzz.json",
                                        dm_fuzz_catalog (), &date, &error);
  dm_fuzz_check (scenario != NULL, error);
  if (scenario != NULL)
    g_free (dm_scenario_to_json (scenario, date));
  return 0;
}
