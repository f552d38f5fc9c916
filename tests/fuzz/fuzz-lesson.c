/* fuzz-lesson.c: libFuzzer target for the lesson loader. */
#include "config.h"

#include "dm-fuzz.h"
#include "dm-lesson.h"

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
  g_autoptr(DmLesson) lesson = NULL;

  lesson = dm_lesson_new_from_data ((const char *) data, size, "fuzz.json", dm_fuzz_catalog (),
                                    &error);
  dm_fuzz_check (lesson != NULL, error);
  return 0;
}
