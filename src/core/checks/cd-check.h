/* cd-check.h: editorial checks over an article.
 *
 * A CdChecker runs the rules over an article and returns CdFindings. What the
 * person changes lives in plain text files in the checks/ folder of the data
 * dir (the folder of copydesk.db), read by cd_checker_load_data_dir():
 *
 *   checks/words.txt          the newsroom word list, one word a line
 *   checks/house-style.txt    "avoid → prefer" lines; replaces the built-in
 *                             list (data/house-style.txt) when present
 *   checks/language.txt       the newsroom language (a BCP 47 tag): the
 *                             checker's default, and what new and imported
 *                             articles that name none are given
 *   checks/ignored/UUID.txt   an article's ignored findings, one a line
 *                             (rule, field and text, tab-separated, escaped)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cd-article.h"
#include "cd-store.h"

G_BEGIN_DECLS

#define CD_CHECK_ERROR (cd_check_error_quark ())

typedef enum
{
  CD_CHECK_ERROR_FAILED,
  CD_CHECK_ERROR_HOUSE_STYLE,
} CdCheckError;

typedef enum
{
  CD_CHECK_SEVERITY_INFO,
  CD_CHECK_SEVERITY_WARNING,
  CD_CHECK_SEVERITY_ERROR,
} CdCheckSeverity;

/* Rule ids, as the command line and the panel show them. */
#define CD_CHECK_RULE_SPELLING "spelling"
#define CD_CHECK_RULE_NAME_VARIANT "name-variant"
#define CD_CHECK_RULE_QUOTES "quotes"
#define CD_CHECK_RULE_REPEATED_WORD "repeated-word"
#define CD_CHECK_RULE_A_AN "a-an"
#define CD_CHECK_RULE_SPACING "spacing"
#define CD_CHECK_RULE_LEFTOVER_MARKUP "leftover-markup"
#define CD_CHECK_RULE_LEFTOVER_BOILERPLATE "leftover-boilerplate"
#define CD_CHECK_RULE_HEADLINE_LENGTH "headline-length"
#define CD_CHECK_RULE_MISSING_FIELD "missing-field"
#define CD_CHECK_RULE_HOUSE_STYLE "house-style"
#define CD_CHECK_RULE_IMAGE_ALT "image-alt"
#define CD_CHECK_RULE_IMAGE_CREDIT "image-credit"
#define CD_CHECK_RULE_IMAGE_SIZE "image-size"
#define CD_CHECK_RULE_LANGUAGE "language"

/* An image larger than either is far more than a news page shows. */
#define CD_CHECK_IMAGE_MAX_SIDE 4000
#define CD_CHECK_IMAGE_MAX_BYTES (10 * 1024 * 1024)

#define CD_CHECK_DEFAULT_HEADLINE_LIMIT 70

/* One thing a rule found. start and end are character (not byte) offsets
 * into the field's text; for the body that is the raw Markdown. suggestion is
 * the replacement for [start, end), "" to delete, NULL when there is none. */
typedef struct
{
  char           *rule;
  CdCheckSeverity severity;
  char           *field;
  guint           start;
  guint           end;
  char           *text;
  char           *message;
  char           *suggestion;
} CdFinding;

#define CD_TYPE_FINDING (cd_finding_get_type ())

GType       cd_finding_get_type (void) G_GNUC_CONST;
CdFinding  *cd_finding_new (const char     *rule,
                            CdCheckSeverity severity,
                            const char     *field,
                            guint           start,
                            guint           end,
                            const char     *text,
                            const char     *message,
                            const char     *suggestion);
CdFinding  *cd_finding_copy (const CdFinding *finding);
void        cd_finding_free (CdFinding *finding);
char       *cd_finding_get_ignore_key (const CdFinding *finding);
JsonObject *cd_finding_to_json (const CdFinding *finding);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CdFinding, cd_finding_free)

const char        *cd_check_severity_to_string (CdCheckSeverity severity);
const char *const *cd_check_list_rules (void);
const char        *cd_check_rule_to_label (const char *rule);

#define CD_TYPE_CHECKER (cd_checker_get_type ())
G_DECLARE_FINAL_TYPE (CdChecker, cd_checker, CD, CHECKER, GObject)

GQuark cd_check_error_quark (void);

CdChecker *cd_checker_new (void);

const char *cd_checker_get_default_language (CdChecker *self);
void        cd_checker_set_default_language (CdChecker  *self,
                                             const char *language);
gboolean    cd_checker_save_default_language (CdChecker  *self,
                                              const char *language,
                                              GError    **error);
char       *cd_check_read_language (const char *data_dir);
gboolean    cd_check_is_language_tag (const char *text);
char      **cd_check_list_languages (void);
guint       cd_checker_get_headline_limit (CdChecker *self);
void        cd_checker_set_headline_limit (CdChecker *self,
                                           guint      limit);

void cd_checker_set_image_source (CdChecker           *self,
                                  const CdImageSource *source,
                                  GDestroyNotify       destroy);
void cd_checker_set_store_images (CdChecker *self,
                                  CdStore   *store);

void cd_checker_set_thorough_suggestions (CdChecker *self,
                                          gboolean   thorough);

gboolean    cd_checker_load_data_dir (CdChecker  *self,
                                      const char *data_dir,
                                      GError    **error);
const char *cd_checker_get_data_dir (CdChecker *self);

char   **cd_checker_dup_words (CdChecker *self);
void     cd_checker_set_words (CdChecker         *self,
                               const char *const *words);
gboolean cd_checker_add_word (CdChecker  *self,
                              const char *word,
                              GError    **error);
gboolean cd_checker_save_words (CdChecker         *self,
                                const char *const *words,
                                GError           **error);
char   **cd_check_parse_words (const char *text,
                               GError    **error);

gboolean    cd_checker_set_house_style (CdChecker  *self,
                                        const char *text,
                                        GError    **error);
char       *cd_checker_dup_house_style (CdChecker *self);
gboolean    cd_checker_save_house_style (CdChecker  *self,
                                         const char *text,
                                         GError    **error);
const char *cd_check_get_default_house_style (void);

gboolean cd_checker_ignore (CdChecker       *self,
                            const char      *uuid,
                            const CdFinding *finding,
                            GError         **error);
gboolean cd_checker_is_ignored (CdChecker       *self,
                                const char      *uuid,
                                const CdFinding *finding);

GPtrArray *cd_checker_run (CdChecker *self,
                           CdArticle *article);
void       cd_checker_run_async (CdChecker          *self,
                                 CdArticle          *article,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data);
GPtrArray *cd_checker_run_finish (CdChecker    *self,
                                  GAsyncResult *result,
                                  GError      **error);

G_END_DECLS
