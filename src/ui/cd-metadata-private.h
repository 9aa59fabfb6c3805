/* cd-metadata-private.h: what the details' files share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cd-article.h"

G_BEGIN_DECLS

/* The embargo's three entries, the line under them that says what is
 * wrong, and what they last agreed with the article on. */
typedef struct
{
  GtkWidget *date;
  GtkWidget *time;
  GtkWidget *zone;
  GtkWidget *message;
  char      *uuid;  /* the article the entries were loaded from */
  GDateTime *shown; /* the embargo the entries say, or NULL */
  guint      loading : 1;
} CdEmbargoEntries;

/* Which entry a problem is in. */
typedef enum
{
  CD_EMBARGO_OK = 0,
  CD_EMBARGO_DATE = 1 << 0,
  CD_EMBARGO_TIME = 1 << 1,
  CD_EMBARGO_ZONE = 1 << 2,
} CdEmbargoField;

GDateTime *_cd_embargo_parse (const char     *date,
                              const char     *time,
                              const char     *zone,
                              CdEmbargoField *bad,
                              gboolean       *unfinished,
                              char          **message);
void       _cd_embargo_entries_load (CdEmbargoEntries *entries,
                                     CdArticle        *article);
gboolean   _cd_embargo_entries_read (CdEmbargoEntries *entries,
                                     GDateTime       **embargo);
void       _cd_embargo_entries_clear (CdEmbargoEntries *entries);

/* The language drop-down: the languages spelling has dictionaries for,
 * listed off the main thread once, and the article's own. */
typedef struct
{
  GtkDropDown  *drop_down;
  CdArticle    *article;   /* the article loaded last (the details' own ref) */
  GPtrArray    *tags;      /* char*: the tag of each item */
  char        **installed; /* NULL until listed */
  GCancellable *listing;
  guint         loading : 1;
  guint         listed : 1; /* the items are the dictionaries' */
} CdLanguageChoice;

void        _cd_language_choice_load (CdLanguageChoice *choice,
                                      CdArticle        *article);
const char *_cd_language_choice_get_selected (CdLanguageChoice *choice);
void        _cd_language_choice_clear (CdLanguageChoice *choice);

G_END_DECLS
