/* cd-check-names-private.h: what the name-variant rule's files share: the
 * names an article has (cd-check-names.c collects and reports them) and
 * their joining into clusters of spellings of one name
 * (cd-check-names-join.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cd-check-private.h"

G_BEGIN_DECLS

typedef struct
{
  guint   field;
  guint32 start;
  guint32 end;
  guint   first_word;
  guint   n_words;
  char   *surface;
  guint   group;
  guint   initial : 1; /* opens a sentence or sits in a headline */
  guint   single : 1;  /* one written word: may meet others by edit distance */
} Occurrence;

typedef struct
{
  char   *key;
  glong   key_length;  /* characters */
  GArray *occurrences; /* guint indices */
  guint   parent;
  guint   single : 1;
  guint   named : 1; /* capitalised in the middle of a sentence at least once */
} Group;

typedef struct
{
  CdCheckContext *ctx;
  GArray         *occurrences; /* Occurrence */
  GArray         *groups;      /* Group */
  GHashTable     *by_key;      /* key → group index + 1 */
} Names;

guint _cd_names_find_root (Names *names,
                           guint  index);
void  _cd_names_join (Names *names);

G_END_DECLS
