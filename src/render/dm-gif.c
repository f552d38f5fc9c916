/* dm-gif.c: an animated GIF through giflib, frame by frame.
 *
 * GStreamer 1.22 in Debian 12 has no GIF encoder (gifenc is in the Rust
 * plugins, which bookworm does not ship; avenc_gif takes a fixed 8-bit
 * palette from videoconvert, which bands the basemap). The map is a few
 * flat colours plus antialiased edges, so each frame gets an exact
 * median-cut palette (RGB 5-5-5 histogram, box colours the mean of their
 * pixels) and no dithering, which would only add noise to flat areas and
 * bytes to the LZW stream. Only the rectangle that changed since the
 * previous frame is written, with its own local palette, so a time-lapse
 * costs about the size of the moving line per frame. */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <gif_lib.h>
#include <glib/gi18n-lib.h>

#include "dm-error.h"
#include "dm-gif.h"

#define N_BINS 32768
#define N_COLOURS 256

struct _DmGif
{
  GifFileType *gif;
  FILE        *file;
  char        *path;
  int          width, height;
  guint        delay_cs;
  guint32     *previous;   /* the last frame's pixels, 0x00RRGGBB */
  guint8      *indices;    /* one row of palette indices */
  guint32     *count;      /* histogram of the changed rectangle */
  guint64     *sum;        /* per bin: r, g, b sums */
  guint16     *bins;       /* the used bins, sorted per box */
  guint8      *lut;        /* bin → palette index */
};

typedef struct
{
  guint start, end;   /* into bins */
  guint64 population;
  int axis, range;
} Box;

static int
output_func (GifFileType   *gif,
             const GifByteType *data,
             int            length)
{
  FILE *file = gif->UserData;

  return (int) fwrite (data, 1, length, file);
}

static gboolean
gif_failed (DmGif   *self,
            int      code,
            GError **error)
{
  g_set_error (error, DM_ERROR, DM_ERROR_IO, _("Cannot write “%s”: %s"), self->path,
               code == E_GIF_ERR_WRITE_FAILED && errno != 0 ? g_strerror (errno)
                                                            : GifErrorString (code));
  return FALSE;
}

void
dm_gif_free (DmGif *self)
{
  if (self == NULL)
    return;
  if (self->gif != NULL)
    EGifCloseFile (self->gif, NULL);
  g_free (self->path);
  g_free (self->previous);
  g_free (self->indices);
  g_free (self->count);
  g_free (self->sum);
  g_free (self->bins);
  g_free (self->lut);
  g_free (self);
}

DmGif *
dm_gif_new (FILE        *file,
            const char  *path,
            int          width,
            int          height,
            guint        delay_cs,
            GError     **error)
{
  DmGif *self = g_new0 (DmGif, 1);
  static const GifByteType loop[3] = { 1, 0, 0 };  /* NETSCAPE2.0: loop forever */
  int code = 0;

  self->file = file;
  self->path = g_strdup (path);
  self->width = width;
  self->height = height;
  self->delay_cs = MAX (delay_cs, 2);  /* browsers treat 0 and 1 as 10 */
  self->indices = g_malloc (width);
  self->count = g_new (guint32, N_BINS);
  self->sum = g_new (guint64, N_BINS * 3);
  self->bins = g_new (guint16, N_BINS);
  self->lut = g_new (guint8, N_BINS);

  self->gif = EGifOpen (file, output_func, &code);
  if (self->gif == NULL)
    {
      gif_failed (self, code, error);
      dm_gif_free (self);
      return NULL;
    }
  EGifSetGifVersion (self->gif, TRUE);
  if (EGifPutScreenDesc (self->gif, width, height, 8, 0, NULL) == GIF_ERROR ||
      EGifPutExtensionLeader (self->gif, APPLICATION_EXT_FUNC_CODE) == GIF_ERROR ||
      EGifPutExtensionBlock (self->gif, 11, "NETSCAPE2.0") == GIF_ERROR ||
      EGifPutExtensionBlock (self->gif, 3, loop) == GIF_ERROR ||
      EGifPutExtensionTrailer (self->gif) == GIF_ERROR)
    {
      gif_failed (self, self->gif->Error, error);
      dm_gif_free (self);
      return NULL;
    }
  return self;
}

static inline guint
bin_of (guint32 p)
{
  return ((p >> 9) & 0x7c00) | ((p >> 6) & 0x03e0) | ((p >> 3) & 0x001f);
}

static inline int
bin_channel (DmGif *self,
             guint  bin,
             int    axis)
{
  return (int) (self->sum[bin * 3 + axis] / self->count[bin]);
}

static int
compare_bins (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  gpointer *ctx = data;
  DmGif *self = ctx[0];
  int axis = GPOINTER_TO_INT (ctx[1]);

  return bin_channel (self, *(const guint16 *) a, axis) -
         bin_channel (self, *(const guint16 *) b, axis);
}

static void
box_measure (DmGif *self,
             Box   *box)
{
  int lo[3] = { 255, 255, 255 }, hi[3] = { 0, 0, 0 };

  box->population = 0;
  for (guint i = box->start; i < box->end; i++)
    {
      guint bin = self->bins[i];

      box->population += self->count[bin];
      for (int c = 0; c < 3; c++)
        {
          int v = bin_channel (self, bin, c);

          lo[c] = MIN (lo[c], v);
          hi[c] = MAX (hi[c], v);
        }
    }
  box->axis = 0;
  for (int c = 1; c < 3; c++)
    if (hi[c] - lo[c] > hi[box->axis] - lo[box->axis])
      box->axis = c;
  box->range = hi[box->axis] - lo[box->axis];
}

/* Median cut: split the box whose spread weighs most at the median of its
 * pixels along its longest side, until there are 256 boxes. */
static guint
build_palette (DmGif     *self,
               guint      n_bins,
               GifColorType *colours)
{
  Box boxes[N_COLOURS];
  guint n_boxes = 1;

  boxes[0] = (Box) { 0, n_bins, 0, 0, 0 };
  box_measure (self, &boxes[0]);
  while (n_boxes < N_COLOURS)
    {
      double best_score = 0;
      int best = -1;
      guint64 half, acc = 0;
      guint cut;
      Box *box;
      gpointer ctx[2];

      for (guint i = 0; i < n_boxes; i++)
        {
          double score = (double) boxes[i].range * (double) boxes[i].population;

          if (boxes[i].end - boxes[i].start > 1 && score > best_score)
            {
              best_score = score;
              best = (int) i;
            }
        }
      if (best < 0)
        break;
      box = &boxes[best];
      ctx[0] = self;
      ctx[1] = GINT_TO_POINTER (box->axis);
      g_qsort_with_data (self->bins + box->start, box->end - box->start, sizeof (guint16),
                         compare_bins, ctx);
      half = box->population / 2;
      for (cut = box->start; cut < box->end - 1; cut++)
        {
          acc += self->count[self->bins[cut]];
          if (acc >= half)
            break;
        }
      /* Both halves keep at least one bin. */
      cut = CLAMP (cut + 1, box->start + 1, box->end - 1);
      boxes[n_boxes] = (Box) { cut, box->end, 0, 0, 0 };
      box->end = cut;
      box_measure (self, box);
      box_measure (self, &boxes[n_boxes]);
      n_boxes++;
    }

  memset (colours, 0, sizeof (GifColorType) * N_COLOURS);
  for (guint i = 0; i < n_boxes; i++)
    {
      guint64 r = 0, g = 0, b = 0, n = 0;

      for (guint j = boxes[i].start; j < boxes[i].end; j++)
        {
          guint bin = self->bins[j];

          r += self->sum[bin * 3];
          g += self->sum[bin * 3 + 1];
          b += self->sum[bin * 3 + 2];
          n += self->count[bin];
        }
      colours[i].Red = (GifByteType) ((r + n / 2) / n);
      colours[i].Green = (GifByteType) ((g + n / 2) / n);
      colours[i].Blue = (GifByteType) ((b + n / 2) / n);
    }
  /* Each used bin to the nearest palette colour to its own mean. */
  for (guint j = 0; j < n_bins; j++)
    {
      guint bin = self->bins[j];
      int r = bin_channel (self, bin, 0), g = bin_channel (self, bin, 1),
          b = bin_channel (self, bin, 2);
      int best = 0, best_d = G_MAXINT;

      for (guint i = 0; i < n_boxes; i++)
        {
          int dr = r - colours[i].Red, dg = g - colours[i].Green, db = b - colours[i].Blue;
          int d = 2 * dr * dr + 4 * dg * dg + 3 * db * db;

          if (d < best_d)
            {
              best_d = d;
              best = (int) i;
            }
        }
      self->lut[bin] = (guint8) best;
    }
  return n_boxes;
}

gboolean
dm_gif_add (DmGif            *self,
            cairo_surface_t  *frame,
            GError          **error)
{
  const guint8 *data;
  int stride, x1 = self->width, y1 = self->height, x2 = -1, y2 = -1, w, h;
  GraphicsControlBlock gcb = { DISPOSE_DO_NOT, FALSE, (int) self->delay_cs,
                               NO_TRANSPARENT_COLOR };
  GifByteType ext[4];
  GifColorType colours[N_COLOURS];
  ColorMapObject *map;
  guint n_bins = 0;
  gboolean first = self->previous == NULL;

  cairo_surface_flush (frame);
  data = cairo_image_surface_get_data (frame);
  stride = cairo_image_surface_get_stride (frame);
  g_return_val_if_fail (cairo_image_surface_get_width (frame) == self->width &&
                        cairo_image_surface_get_height (frame) == self->height, FALSE);

  if (first)
    {
      self->previous = g_new (guint32, (gsize) self->width * self->height);
      x1 = y1 = 0;
      x2 = self->width - 1;
      y2 = self->height - 1;
    }
  else
    for (int y = 0; y < self->height; y++)
      {
        const guint32 *row = (const guint32 *) (data + (gsize) y * stride);
        const guint32 *prev = self->previous + (gsize) y * self->width;

        if (memcmp (row, prev, self->width * 4) == 0)
          continue;
        y1 = MIN (y1, y);
        y2 = y;
        for (int x = 0; x < self->width; x++)
          if (((row[x] ^ prev[x]) & 0xffffff) != 0)
            {
              x1 = MIN (x1, x);
              break;
            }
        for (int x = self->width - 1; x >= 0; x--)
          if (((row[x] ^ prev[x]) & 0xffffff) != 0)
            {
              x2 = MAX (x2, x);
              break;
            }
      }
  if (x2 < x1 || y2 < y1)
    x1 = y1 = x2 = y2 = 0;  /* nothing changed: a 1×1 frame keeps the timing */
  w = x2 - x1 + 1;
  h = y2 - y1 + 1;

  memset (self->count, 0, sizeof (guint32) * N_BINS);
  memset (self->sum, 0, sizeof (guint64) * N_BINS * 3);
  for (int y = y1; y <= y2; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);

      for (int x = x1; x <= x2; x++)
        {
          guint32 p = row[x];
          guint bin = bin_of (p);

          if (self->count[bin]++ == 0)
            self->bins[n_bins++] = (guint16) bin;
          self->sum[bin * 3] += (p >> 16) & 0xff;
          self->sum[bin * 3 + 1] += (p >> 8) & 0xff;
          self->sum[bin * 3 + 2] += p & 0xff;
        }
    }
  build_palette (self, n_bins, colours);

  EGifGCBToExtension (&gcb, ext);
  map = GifMakeMapObject (N_COLOURS, colours);
  if (EGifPutExtension (self->gif, GRAPHICS_EXT_FUNC_CODE, 4, ext) == GIF_ERROR ||
      EGifPutImageDesc (self->gif, x1, y1, w, h, FALSE, map) == GIF_ERROR)
    {
      GifFreeMapObject (map);
      return gif_failed (self, self->gif->Error, error);
    }
  GifFreeMapObject (map);
  for (int y = y1; y <= y2; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);

      for (int x = 0; x < w; x++)
        self->indices[x] = self->lut[bin_of (row[x1 + x])];
      if (EGifPutLine (self->gif, self->indices, w) == GIF_ERROR)
        return gif_failed (self, self->gif->Error, error);
    }

  for (int y = first ? 0 : y1; y <= (first ? self->height - 1 : y2); y++)
    memcpy (self->previous + (gsize) y * self->width, data + (gsize) y * stride,
            self->width * 4);
  return TRUE;
}

gboolean
dm_gif_finish (DmGif   *self,
               GError **error)
{
  int code = 0;
  gboolean ok;

  errno = 0;
  ok = EGifCloseFile (self->gif, &code) == GIF_OK;
  self->gif = NULL;
  if (!ok)
    gif_failed (self, code, error);
  dm_gif_free (self);
  return ok;
}
