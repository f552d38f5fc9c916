/* fuzz-proposal.c: libFuzzer target for the proposal parser and checker. */
#include "config.h"

#include "dm-fuzz.h"
#include "dm-proposal.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  dm_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmProposal) proposal = NULL;

  /* An empty buffer with length 0 would be measured with strlen. */
  if (size == 0)
    return 0;
  proposal = dm_proposal_new_from_data ((const char *) data, size, "fuzz.json", &error);
  dm_fuzz_check (proposal != NULL, error);
  return 0;
}
