/* cd-article.h: one news article and its fields.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "cd-text.h"
#include "cd-words.h"

G_BEGIN_DECLS

#define CD_ARTICLE_ERROR (cd_article_error_quark ())

typedef enum
{
  CD_ARTICLE_ERROR_UNKNOWN_FIELD,
  CD_ARTICLE_ERROR_INVALID_VALUE,
  CD_ARTICLE_ERROR_READ_ONLY,
} CdArticleError;

typedef enum
{
  CD_ARTICLE_STATUS_DRAFT,
  CD_ARTICLE_STATUS_READY_FOR_EDIT,
  CD_ARTICLE_STATUS_READY_TO_PUBLISH,
  CD_ARTICLE_STATUS_PUBLISHED,
  CD_ARTICLE_STATUS_HELD,
  CD_ARTICLE_STATUS_KILLED,
} CdArticleStatus;

#define CD_ARTICLE_N_STATUSES (CD_ARTICLE_STATUS_KILLED + 1)

/* A dated note appended when a published story is changed. */
typedef struct
{
  GDateTime *date;
  char      *note;
} CdCorrection;

#define CD_TYPE_ARTICLE (cd_article_get_type ())
G_DECLARE_FINAL_TYPE (CdArticle, cd_article, CD, ARTICLE, GObject)

GQuark cd_article_error_quark (void);

const char *cd_article_status_to_string (CdArticleStatus status);
const char *cd_article_status_to_label (CdArticleStatus status);
gboolean    cd_article_status_from_string (const char      *text,
                                           CdArticleStatus *status);

CdArticle *cd_article_new (void);
CdArticle *cd_article_new_with_uuid (const char *uuid);
CdArticle *cd_article_copy (CdArticle *self);
gboolean   cd_article_equal (CdArticle *a,
                             CdArticle *b);

const char         *cd_article_get_uuid (CdArticle *self);
void                cd_article_set_uuid (CdArticle  *self,
                                         const char *uuid);
const char         *cd_article_get_headline (CdArticle *self);
void                cd_article_set_headline (CdArticle  *self,
                                             const char *headline);
const char         *cd_article_get_dek (CdArticle *self);
void                cd_article_set_dek (CdArticle  *self,
                                        const char *dek);
const char         *cd_article_get_byline (CdArticle *self);
void                cd_article_set_byline (CdArticle  *self,
                                           const char *byline);
const char         *cd_article_get_dateline (CdArticle *self);
void                cd_article_set_dateline (CdArticle  *self,
                                             const char *dateline);
const char         *cd_article_get_source (CdArticle *self);
void                cd_article_set_source (CdArticle  *self,
                                           const char *source);
const char         *cd_article_get_slug (CdArticle *self);
void                cd_article_set_slug (CdArticle  *self,
                                         const char *slug);
const char         *cd_article_get_section (CdArticle *self);
void                cd_article_set_section (CdArticle  *self,
                                            const char *section);
const char *const  *cd_article_get_tags (CdArticle *self);
void                cd_article_set_tags (CdArticle         *self,
                                         const char *const *tags);
const char         *cd_article_get_body (CdArticle *self);
void                cd_article_set_body (CdArticle  *self,
                                         const char *body);
const char         *cd_article_get_ednote (CdArticle *self);
void                cd_article_set_ednote (CdArticle  *self,
                                           const char *ednote);
CdArticleStatus     cd_article_get_status (CdArticle *self);
void                cd_article_set_status (CdArticle      *self,
                                           CdArticleStatus status);
GDateTime          *cd_article_get_embargo (CdArticle *self);
void                cd_article_set_embargo (CdArticle *self,
                                            GDateTime *embargo);
guint               cd_article_get_length_target (CdArticle *self);
void                cd_article_set_length_target (CdArticle *self,
                                                  guint      words);
const char         *cd_article_get_language (CdArticle *self);
void                cd_article_set_language (CdArticle  *self,
                                             const char *language);
GDateTime          *cd_article_get_created (CdArticle *self);
void                cd_article_set_created (CdArticle *self,
                                            GDateTime *created);
GDateTime          *cd_article_get_modified (CdArticle *self);
void                cd_article_set_modified (CdArticle *self,
                                             GDateTime *modified);
const char         *cd_article_get_image (CdArticle *self);
void                cd_article_set_image (CdArticle  *self,
                                          const char *path);
const char         *cd_article_get_image_caption (CdArticle *self);
void                cd_article_set_image_caption (CdArticle  *self,
                                                  const char *caption);
const char         *cd_article_get_image_credit (CdArticle *self);
void                cd_article_set_image_credit (CdArticle  *self,
                                                 const char *credit);
const char         *cd_article_get_image_alt (CdArticle *self);
void                cd_article_set_image_alt (CdArticle  *self,
                                              const char *alt);
guint               cd_article_get_n_corrections (CdArticle *self);
const CdCorrection *cd_article_get_correction (CdArticle *self,
                                               guint      index);
void                cd_article_add_correction (CdArticle  *self,
                                               GDateTime  *date,
                                               const char *note);
void                cd_article_clear_corrections (CdArticle *self);
JsonObject         *cd_article_get_extra (CdArticle *self);
void                cd_article_set_extra (CdArticle  *self,
                                          JsonObject *extra);

guint cd_article_get_word_count (CdArticle *self);
void  cd_article_touch (CdArticle *self);

const char *const *cd_article_list_fields (void);
gboolean           cd_article_has_field (const char *name);
char              *cd_article_get_field (CdArticle  *self,
                                         const char *name);
gboolean           cd_article_set_field (CdArticle  *self,
                                         const char *name,
                                         const char *value,
                                         GError    **error);

char      *cd_make_slug (const char *headline);
char      *cd_format_iso8601_utc (GDateTime *datetime);
char      *cd_format_iso8601 (GDateTime *datetime);
GDateTime *cd_parse_iso8601 (const char *text);
gboolean   cd_datetime_equal (GDateTime *a,
                              GDateTime *b);

G_END_DECLS
