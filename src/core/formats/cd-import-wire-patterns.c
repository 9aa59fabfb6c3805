/* cd-import-wire-patterns.c: the patterns wire copy is read with: its
 * datelines, bylines, photo credits and captions, and the desk's lines
 * (slugs, priorities and labels, notes to editors, version notes,
 * sign-offs, notebooks, contacts), in the forms the agencies send.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-import"

#include "config.h"

#include "cd-import-private.h"

/**
 * _cd_import_wire_regex:
 * @which: a #CdWirePattern
 *
 * Returns: (transfer none): the pattern, compiled once
 */
GRegex *
_cd_import_wire_regex (guint which)
{
  /* A month's name in any language, or its abbreviation: "Nov.", "Dez.",
   * "décembre", "dic" */
#define MONTH "\\p{L}{3,12}\\.?"
#define WEEKDAYS "(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day|\\.)?)"
  /* "Nov 24", "Nov. 24, 2026", "24 November", "5. Dezember", "5 dic",
   * "24 de junio", "12th March, 2027", "Tuesday" */
#define DATE "(?<date>" MONTH "\\s+\\d{1,2}(?:,?\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+(?:de\\s+)?" MONTH \
             "(?:,?\\s+(?:de\\s+)?\\d{4})?|" WEEKDAYS ")"
  /* A month by its name in the languages agencies write, as a date
   * standing alone names it: "Jan.", "March", "mars", "Dez", "dic" */
#define MONTH_NAME                                                                                           \
  "(?:stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia|" \
  "jan(?:uary|uar|vier|eiro|uari)?|j[aä]nner|feb(?:ruary|ruar|braio|rero|ruari)?|"                          \
  "f[eé]v(?:r|rier|ereiro)?|mar(?:ch|s|zo|ço|t)?|maart|m[aä]rz|apr(?:il|ile)?|avr(?:il)?|"                \
  "abr(?:il)?|ma[iyj]|mei|maggio|mayo|maio|jun[ei]?|juin|junio|junho|giu(?:gno)?|jul[iy]?|"                  \
  "juil(?:let)?|julio|julho|lug(?:lio)?|aug(?:ust|usti|ustus)?|ao[uû]t?|ago(?:sto)?|"                       \
  "sep(?:t|tember|tembre|tiembre|tembro)?|set(?:tembre|embro)?|oct(?:ober|obre|ubre)?|"                      \
  "okt(?:ober)?|ott(?:obre)?|out(?:ubro)?|nov(?:ember|embre|iembre|embro)?|dec(?:ember)?|"                   \
  "dez(?:ember|embro)?|d[eé]c(?:embre)?|des(?:ember)?|dic(?:iembre|embre)?|ene(?:ro)?|"                     \
  "gen(?:naio)?)(?:\\.|\\b)"
  /* A date, in words or figures, with no place, and its time if any:
   * "Jan 30", "Jan. 12, 2026", "5. Dezember", "Tuesday, March 3",
   * "4/4/2018", "2026-12-05 20:13:08 GMT+00:00" */
#define DATE_ALONE                                                                              \
  "(?:" WEEKDAYS ",?\\s+)?(?:" MONTH_NAME "\\s*\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|"      \
  "\\d{1,2}\\.?\\s+" MONTH_NAME "(?:,?\\s+\\d{4})?|\\d{1,2}[./]\\d{1,2}[./](?:\\d{4}|\\d{2})|"  \
  "\\d{4}-\\d{2}-\\d{2})(?:(?:,?\\s+|T)\\d{1,2}[:.]\\d{2}(?:[:.]\\d{2})?(?:\\s*[ap]\\.?m\\.?)?" \
  "(?:\\s*(?:GMT|UTC|Z))?(?:\\s*[+-]\\d{2}:?\\d{2})?)?"
  static const char *patterns[] = {
    /* PLACE (SOURCE) — text, PLACE, DATE (SOURCE) - text, Place (Country)
     * (SOURCE) - text, and (SOURCE) -- text with no place; the dash may be
     * EFE's ".-", old AP's "_" (escaped in Markdown) or ANI's ":", or
     * missing (PTI); the source may stand between slashes, as Ritzau
     * writes it: "København /ritzau/: …", BTA with its writer: "София, 16
     * март /Мария Иванова, БТА/ …", and TASS: "MOSCOW, May 12.
     * /TASS/. …"; Kyodo's and Jiji's Japanese
     * service sets place and source in lenticular brackets: "【札幌共同】";
     * Xinhua's Chinese service its source, place and day, and its
     * reporters: "新华社北京6月3日电（记者王晓明、李静）"; Interfax's place,
     * date and name parted by points: "Москва. 12 марта. ИНТЕРФАКС -"; CNA's
     * source, reporters (of three characters, or two) and place:
     * "（中央社記者林怡君台北12日電）"; Korean agencies
     * place and source in brackets, then the reporter: "(서울=연합뉴스)
     * 김지현 기자 =" */
    "^(?:(?:(?<place>[\\p{Lu}\\p{Lo}][^()\\n:;\"“”]{0,79}?(?:\\s*\\(\\p{Lu}[^()\\n]{1,40}\\))?)"
    "(?:,\\s*" DATE "\\.?)?\\s*)?"
    "(?:\\((?<source>[^()\\n=]{1,40})\\)|/(?:(?<writers>\\p{Lu}\\p{L}+(?:\\s\\p{Lu}\\p{L}+){1,3}),\\s*)?(?<slashed>\\p{L}[\\p{L}-]{1,20})/)"
    "(?:\\.?\\s*(?<dash>—|–|--?|\\\\?_|:|=)\\s*|\\.?\\s+)|"
    "【(?<place>[^【】\\s]{1,12}?)(?<source>共同|時事)】\\s*|"
    "(?<source>新华社)(?<place>\\p{Han}{2,6}?)\\d{1,2}月\\d{1,2}日电(?:[（(]记者(?<writers>[^）)]{1,40})[）)])?\\s*|"
    "(?<place>\\p{Lu}[\\p{L}-]+(?:\\s\\p{Lu}[\\p{L}-]+)?)\\.\\s+(?<date>\\d{1,2}\\s+\\p{Ll}{3,12})\\.\\s+(?<source>\\p{Lu}{3,12})\\s+(?<dash>[-–—])\\s*|"
    "[（(](?<source>中央社)(?:記者(?<writers>\\p{Han}{3}(?:、\\p{Han}{2,3})*)(?<place>\\p{Han}{2,4}?)|記者(?<writers>\\p{Han}{2})(?<place>\\p{Han}{2,4}?)|"
    "(?<place>\\p{Han}{2,4}?))\\d{1,2}日(?:專)?電[）)]\\s*|"
    "\\((?<place>\\p{Hangul}{1,10})=(?<source>\\p{Hangul}[\\p{Hangul}\\d]{1,7})\\)\\s*"
    "(?:(?<writers>\\p{Hangul}{2,4}(?:\\s*[·ㆍ]\\s*\\p{Hangul}{2,4}){0,3})\\s*(?:기자|특파원)\\s*=\\s*)?)(?<rest>.*)$",
    /* PLACE — text, with the place in capitals and no source in brackets;
     * PLACE, DATE SOURCE - text, as AAP writes it ("SEOUL, Nov 26 AFP -
     * Samsung has …"), and BNS with a comma ("VILNIUS, Jun 3, BNS – …"); PLACE, DATE - text, as ANSA does ("ROMA, 1 LUG
     * - …"); and PLACE - Text, as Kyodo does ("TOKYO - Japan's …": a
     * hyphen, then a sentence of three words or more); "SEVILLA.– El …",
     * as Spanish papers set it. A label in capitals
     * ("EXCLUSIVE - …", "NB - …", "UPDATE — …") is no place, nor is a
     * score ("ARSENAL - Chelsea 2-1"). */
    "^(?!(?:URGENT|BULLETIN|FLASH|ALERT|BREAKING|NEWSALERT|EILMELDUNG|EIL|UPDATED?|"
    "CORRECT(?:ED|ION)|REFILE|RPT|REPEAT|WRAPUP|EXCLUSIVE|ANALYSIS|FACTBOX|EXPLAINER|"
    "INSIGHT|COLUMN|OPINION|EDITORIAL|REVIEW|INTERVIEW|FEATURE|PREVIEW|LIVE|VIDEO|"
    "PHOTOS?|NOTE|ADVISORY|NB|PS|FYI|EMBARGO(?:ED)?|PRESS|READ|FACT|SEE|MORE|SPONSORED)\\b)"
    "(?<place>\\p{Lu}[\\p{Lu}.'’ -]*\\p{Lu}\\.?(?:,\\s*(?!" WEEKDAYS "\\s)\\p{Lu}[\\p{L}.'’ -]{0,40}?)?)"
    "(?:,\\s*" DATE ")?(?:\\s+(?<source>\\p{Lu}\\p{L}{1,9})\\s+-|(?(<date>),\\s+(?<source>\\p{Lu}{2,9})(?:\\s+[-–—]|\\.(?=\\s+\\p{Lu}))|(?!))|\\s+(?:—|–|--)|(?<=\\.)(?:—|–)|"
    "(?(<date>)\\s+-|\\s+-(?=\\s+[\"“„«‘]?\\p{Lu}\\S*(?:\\s+\\S+){2})))\\s*(?<rest>.+)$",
    /* – Subhead – (with a word in it: "-0-" is an end mark) */
    "^[-–—]+\\s*(?<text>(?=[^\\n]*\\p{L})[^-–—].*?)\\s*[-–—]+$",
    /* Photo credits: "Photo: Name/Agency", "(AP Photo/Name)", "REUTERS/Name" */
    "^(?:(?:photo(?:graph)?s?|foto|picture|image|credit)\\s*(?:by\\s+|:\\s*)(?<credit>.+)|"
    "\\((?<paren>[^()]*\\b(?:photo|foto)\\b[^()]*)\\)|"
    "(?<agency>\\p{Lu}{2,}(?: \\p{Lu}+)*/\\S.*))$",
    /* A caption with its credit at the end: "… on Tuesday. (AP Photo/Name)" */
    "^(?<caption>.+?)\\s*\\((?<credit>[^()]*\\b(?:photo|foto)\\b[^()]*)\\)$",
    /* Caption prefixes ("PHOTO: …", Bernama's "PIX: …" before a caption
     * of six words or more; Anadolu's "[FOTO] …") */
    "^(?:(?:photo caption|caption|bildunterschrift|(?:photo|picture|foto|pix|pic)(?=\\s*:\\s*\\S+(?:\\s+\\S+){5}))(?:\\s*\\d{1,2})?\\s*:|"
    "\\[(?:photo|foto|pix|picture|bild)\\])\\s*(?<caption>.+)$",
    /* By Jane Doe; "Interview by …", "Words by …", "Live coverage by …" */
    "^(?:(?:interview|words|text|reporting|compiled|live\\s+coverage|review|analysis|pictures?)\\s+)?by\\s+(?<name>\\S.*)$",
    /* End of story marks: "###" and "-30-" (in Markdown too, "\#\#\#", "\-30-"),
     * old AP's "-0-", "(end)", "ends", "-ends-", Xinhua's "Enditem", and
     * in the agencies' other languages "ENDE", "(fin)", Lusa's "Lusa/Fim" (in capitals or
     * brackets: "Ende" alone on a wrapped line is a word), CNA's "Enditem/AW",
     * KUNA's "(النهاية)"; a reporter's
     * "Copy ends. 380 words. Pic from Pat." */
    "^(?:(?:\\\\?#){3,}|\\\\?-\\s*30\\s*-|\\\\?-\\s*0\\s*-|\\(?end\\)?|\\((?:ende|fin|fim)\\)|(?-i:ENDE|FIN|FIM)|lusa/fim|enditem(?:/[a-z]{1,4})?|[(（]完[)）]|\\(끝\\)|[(（]了[)）]|\\((?:النهاية|انتهى)\\)|"
    "[-–]?\\s*ends\\s*[-–]?|copy\\s+ends\\b.*)$",
    /* An agency's slug line: "BC-EU--Germany-Floods,3rd Ld-Writethru",
     * "BC-US-MED--Sleep-Dementia,0643", "AP-CYC--Tour de France,0712",
     * "Germany-weather-floods,LEAD", "GERMANY-FLOODS/", and AP's keyword
     * line with its spaces and word count, "BC-US--Giant Lobster Death,
     * 1st Ld-Writethru,127" */
    "^(?-i)(?:[\\p{L}\\d]+(?:[-/_][\\p{L}\\d]*){2,}(?:,\\s*[\\p{L}\\d][\\p{L}\\d .'-]*|,)?|"
    "(?:BC|AP)-(?:[\\p{Lu}\\d]+(?:-[\\p{Lu}\\d]+)*--[\\p{L}\\d][\\p{L}\\d ,.'&/-]*|[\\p{L}\\d][\\p{L}\\d .'&/-]*,\\d+))$",
    /* A priority alone on its line */
    "^(?-i)(?:URGENT|BULLETIN|FLASH|ALERT|BREAKING|ADVISORY|NEWSALERT|EILMELDUNG|EIL)[\\s!:.-]*$",
    /* A transmission label alone on its line: "REFILE", "1ST LEAD",
     * "UPDATE 2" (a service line only with the headline right under it:
     * "CORRECTION" alone above a paragraph is a headline) */
    "^(?-i)(?:REFILE|RPT|REPEAT|CORRECTED|CORRECTION|(?:\\d+(?:ST|ND|RD|TH)\\s+)?LEAD|"
    "(?:UPDATE|WRAPUP)(?:\\s*\\d+)?)[\\s!:.-]*$",
    /* A transmission label before the headline: "UPDATE 2-", "REFILE-",
     * and Reuters' kinds of story, "FACTBOX-", "EXCLUSIVE-", "BRIEF-"; in
     * brackets, as Kyodo and Yonhap set it: "(CORRECTED) ", "(LEAD) " */
    "^(?-i)(?<label>(?:(?:UPDATE|WRAPUP|ACTUALIZA|ATUALIZA|AGGIORNAMENTO|ACTUALISATION)\\s*\\d+|REFILE|RPT|REPEAT|CORRECTED|URGENT|EXCLUSIVE|FACTBOX|ANALYSIS|"
    "EXPLAINER|INSIGHT|BREAKINGVIEWS|COLUMN|TIMELINE|INTERVIEW|PREVIEW|FEATURE|SPECIAL REPORT|BRIEF|GLOBAL MARKETS)"
    "(?:\\s*-\\s*(?:(?:UPDATE|WRAPUP|ACTUALIZA|ATUALIZA|AGGIORNAMENTO|ACTUALISATION)\\s*\\d+|REFILE|RPT|REPEAT|CORRECTED|URGENT|EXCLUSIVE|FACTBOX|ANALYSIS|"
    "EXPLAINER|INSIGHT|BREAKINGVIEWS|COLUMN|TIMELINE|INTERVIEW|PREVIEW|FEATURE|SPECIAL REPORT|BRIEF|GLOBAL MARKETS))*)"
    "\\s*-\\s*(?<rest>\\S.*)$|"
    "^(?-i)\\((?<label>CORRECTED|UPDATED|URGENT|LEAD|\\d+(?:st|nd|rd|th)\\s+LD(?:\\s*-?\\s*WRITETHRU)?|REFILE)\\)\\s*(?<rest>\\S.*)$",
    /* A note to editors: "Eds: UPDATES with …", "Note to editors: …",
     * AFP's "ATTENTION - UPDATES with export figures ///",
     * "(Eds: Minor edits.)", Yonhap's "(ATTN: ADDS details …)" (an "EDITOR'S NOTE" is for the readers, and
     * stays); and the agency's pictures for the story by number, "AP
     * Photo XNP101, XNP102" */
    "^\\(?(?:eds?\\.?(?:\\s+note)?|note\\s+to\\s+editors|editors(?:['’]?\\s+notes?)?|attn)\\s*:\\s*\\S.*$|"
    "^(?-i)ATTENTION\\s*[-–—:]\\s*\\S.*$|"
    "^(?-i)(?:AP|AFP|Reuters|REUTERS|dpa)\\s+(?:Photos?|Video|Graphics?|Audio)\\s*:?\\s*"
    "[\\p{Lu}\\d]{3,}(?:\\s*,\\s*[\\p{Lu}\\d]{3,})*\\.?$",
    /* A version note in brackets: "(Adds quote from mayor, paragraphs 3-4)",
     * in Reuters' other services "(Actualiza con declaraciones …)", dpa's
     * "(Zusammenfassung 1545 - neu: …)",
     * "(In Jan. 3 story, corrects last paragraph …)" */
    "^\\((?:in\\s+[^()]{0,40}?\\b(?:story|item|report|version)s?,\\s*)?(?:adds|adding|updates|updating|recasts|corrects|changes|writes\\s+through|"
    "rewrites|refiles|repeats|fixes|removes|inserts|clarifies|moves|tops|retops|deletes|"
    "actualiza|agrega|añade|corrige|reemplaza|atualiza|acrescenta|aggiorna|aggiunge|ajoute|actualise|corrige|"
    "amends|replaces|new\\s+throughout|advances|zusammenfassung|neu\\s*:|aktualisierung|aktualisiert|erg[äa]nzt|berichtigt|"
    "neufassung|wiederholung)\\b.*\\)$",
    /* A desk's sign-off of initials under the story: "mm/jbo/ach"; with
     * the agency's name first, "dpa al rmo hct", "AFP sn", "AAP RTV ar",
     * with its time: "UNI AK SB 1418";
     * the agency's name between slashes, "/ritzau/", after two equals
     * signs or dashes, as Kyodo and IANS close a story, "==Kyodo",
     * "--IANS" (an agency's: "--Roosevelt" under a quote is the quote's),
     * or alone in brackets, as ANSA does: "(ANSA).", Belga with its
     * initials: "(Belga) KVD/RMA"; "AAP ml/dp", "AAP tg/ds/", "ako/ mok/",
     * an agency's name alone ("EFE"); capitals joined, as ANSA and Lusa
     * sign: "YBD-FH", "RCS // JH"; ČTK's "jkr mal", Hina's "(Hina) xmi
     * ysp", BTA's "/DS/", Belga's "MVS/" and "LPE/KVH", NZN's "NZN hr/rj",
     * ANSA's "Y1G-BR", BSS's with the time, "BSS/AAS/MAS/1545 hrs" */
    "^(?-i)(?:(?i:\\(schluss\\))\\s+[a-z]{2,4}(?:/[a-z]{2,4})*|(?!(?:and|or|he|she|his|her|him|yes|no|on|off|either|in|out)/[a-z]+$)"
    "(?:bur-)?[a-z]{2,5}(?:(?:-|/\\s?)[a-z]{2,5})*/\\s?[a-z]{2,5}/?|dpa(?:\\s+\\(?[a-z][a-z\\d]{0,4}(?:/[a-z][a-z\\d]{0,4}){0,3}\\)?){1,8}|"
    "(?!(?:the|and|end|ends|more|fin|fim|und|et|og|och|ja|ok)\\b)[a-z]{2,4}(?:\\s+[a-z]{2,4}){1,3}|[A-Z]{2,4}(?:/[A-Z]{2,4})+/?(?:\\s*\\d{3,4}(?:\\s*(?:hrs|h|GMT))?)?|[A-Z]{2,4}/|[A-Z]{2,6}\\s+[a-z]{2,4}(?:/[a-z]{2,4})+/?|"
    "/\\p{L}{2,12}/|(?:\\p{Lu}\\.){1,3}/\\p{Lu}{1,4}(?:/\\p{Lu}{1,4})*|\\p{Lu}{2,8}(?:/\\p{Lu}\\p{Ll}+(?:\\s\\p{Lu}\\p{Ll}+){1,2}){1,3}|\\\\?(?:==|--)\\s*(?:Kyodo|IANS|PTI|ANI|UNI|Xinhua|Yonhap|Bernama|Antara|KUNA|WAM|"
    "SPA|MENA|TASS|Interfax|Anadolu|AFP|AP|dpa|Reuters|EFE|ANSA|AAP)|\\((?:AFP|AAP|AP|APA|ANSA|EFE|SDA|PA|NTB|STT|TT|ANP|BTA|CTK|ČTK|MTI|PAP|ATS|PTI|IANS|ANI|UNI|"
    "Belga|Hina|HINA|STA|Tanjug|Agerpres)\\)(?:\\.|\\s+[A-Za-z]{2,4}(?:[/\\s]+[A-Za-z]{2,4})*)?|(?:AFP|AAP|AP|APA|ANSA|EFE|SDA|PA|NTB|STT|TT|ANP|BTA|CTK|MTI|PAP|ATS|PTI|IANS|ANI|UNI)"
    "(?:\\s+(?!(?:and|or|via|with|the|for|says|said|to|in|on|at|by|of|is|was|has|had|its|his|"
    "her|not|but|also|new|now|TV)\\b)(?:[a-z]{2,4}(?:/[a-z]{2,4})*/?|[A-Z]{2,4})){0,6}(?:\\s+\\d{4})?|[A-Z][A-Z\\d]{1,3}(?:-|\\s*//\\s*)[A-Z]{2,4}|"
    /* Any agency's: initials between slashes, perhaps after its name,
     * the time stamp or the end mark ("Keystone-SDA mk/rs", "Bo1/Mav",
     * "(Sec/Adnkronos)", "APP/raz/mah", "12-MAR-27 LLM/clc/man", "(FIN)
     * DOP/JJN", "مع/ب ق/ص ح"), its name in capitals over initials in
     * small letters ("KNA abe ksc"), or in capitals in brackets
     * ("(SERVIMEDIA)"); BTA's "/ИЛ/", ANA-MPA's "Γ.Π./ΣΚ", WAM's
     * "WAM/Ahmed Nabil/Sara Haddad" */
    "(?:(?:\\p{L}[\\p{L}-]{1,20}|\\d\\d-[A-Z]{3}-\\d\\d|\\((?i:fin|fim|end|ende)\\))\\s+)?\\(?"
    "(?!(?:and|or|he|she|his|her|him|yes|no|on|off|either|in|out|his|TV)/)"
    "\\p{L}[\\p{L}\\d]{0,4}(?:\\s\\p{L}{1,2})?(?:(?:\\s?/\\s?\\p{L}[\\p{L}\\d]{0,4}(?:\\s\\p{L}{1,2})?){1,4}(?:/\\p{Lu}\\p{L}{2,14})?|/\\p{Lu}\\p{L}{2,14})\\)?|"
    "[A-Z]{2,6}(?:\\s+(?!(?:was|is|are|has|had|the|and|for|not|but|its|his|her|our|you|all|can|may|new|now|one|two|here|says|said)\\b)[a-z]{2,4}){2,3}|"
    "\\(\\p{Lu}[\\p{Lu}\\d-]{1,15}\\))$",
    /* The head of the section for editors that closes a story, "#
     * Notebook" with its heading mark as dpa sends it (a "Notebook" of
     * the story's own has none; "Notizblock" is dpa's word alone), and of
     * its part not for publication ("Die folgenden Informationen sind
     * nicht zur Veröffentlichung bestimmt") */
    "^(?:#+\\s*(?:notebook|notizblock)|(?:dpa-)?notizblock|the following information is not intended for "
    "publication|die folgenden informationen sind nicht zur ver[öo]ffentlichung bestimmt)\\s*:?$",
    /* A rule across the page: "___", "-----" */
    "^(?:_{3,}|-{3,}|={3,}|\\*{3,}|~{3,})$",
    /* Whom the desk calls about the story: "To contact the reporter on
     * this story:", "To contact the editors responsible for this story:",
     * a release's "Media contact:", "Contact presse :", "Pressekontakt:"
     * over the name and numbers */
    "^(?:to\\s+contact\\s+the\\s+(?:reporters?|editors?|writers?|authors?)\\b.{0,40}?"
    "\\b(?:on|for|of)\\s+this\\s+(?:story|article|report)\\s*:|"
    "(?:(?:press|media|for\\s+media)\\s+)?(?:contacts?|enquiries|inquiries)(?:\\s+(?:presse|press|media|prensa))?"
    "\\s*:\\s*$|(?:presse)?kontakt\\s*:\\s*$)",
    /* A note to the readers above the story: "EDITOR'S NOTE — This is
     * part of …" */
    "^editor['’]?s['’]?\\s+note\\s*(?::|—|–|-)\\s*\\S.*$",
    /* Place, DATE - text, the place in small letters, as ANSA's English
     * service writes it ("Rome, October 11 - …"), and releases in French
     * German and Spanish ("Lyon, le 3 mars 2026 – …", "Berlin, den 3.
     * März 2026 – …", "Valencia, 3 de marzo de 2026 – …"), or with a
     * point before the sentence ("Lindenau, 9. März 2026. Der …",
     * "Olsztyn, 10 marca 2026 r. Od …"), the place in capitals with its
     * province ("MOTRIL (Granada), 10 de marzo de 2026.– El …"): only
     * with a date that names its month; or with an en dash alone before
     * a sentence, as German papers set their place ("Freiburg – Die …") */
    "^(?-i)(?!(?:Dear|Liebe|Lieber|Sehr|Cher|Chère|Querid[oa]|Estimad[oa]|Gentile|Beste|Drog[ia]|Szanown[iya])\\b)"
    "(?<place>\\p{Lu}\\p{Ll}+(?:[ '-]\\p{Lu}\\p{Ll}+){0,3}|\\p{Lu}{2,}(?:[ '-]\\p{Lu}{2,}){0,2}(?:\\s*\\(\\p{Lu}\\p{Ll}+(?:\\s\\p{Lu}\\p{Ll}+)?\\))?)"
    "(?:,\\s*(?:(?:le|den|am|el)\\s+)?(?<date>(?i)\\d{1,2}\\s+de\\s+" MONTH_NAME "\\s+de\\s+\\d{4}|" DATE_ALONE ")"
    "(?:(?:\\s+r\\.)?(?:\\s+|\\.\\s*)(?:-|—|–|--)|(?:\\s+r)?\\.(?=\\s+\\p{Lu}))|\\s+–(?=\\s+\\p{Lu}))\\s+(?<rest>\\S.*)$|"
    /* An Arabic paper's place, a word or three, and a dash: "صلالة – افتتحت …". */
    "^(?<place>\\p{Arabic}{2,}(?:\\s\\p{Arabic}{2,}){0,2})\\s+[–—-]\\s+(?<rest>\\p{Arabic}.*)$",
    /* A date alone */
    "^\\s*" DATE_ALONE "\\s*$",
    /* A dateline as a story's metadata gives it: "SYDNEY March 22 AAP -",
     * "PASSAU, Germany, Dec 5, 2026 (AFP)", "Jan. 12" (the source is a
     * word after a date, or in brackets) */
    "^\\s*(?<place>.*?)(?:,?\\s*(?<date>" DATE_ALONE "))?"
    "(?:\\s*\\((?<bracketed>[^()]{1,40})\\)|\\s+(?<named>(?-i)\\p{Lu}\\p{L}{1,9}))?"
    "\\s*(?:—|–|--?|_|:|\\.-)?\\s*$",
    /* An agency's trailer under the story: the reporter's email address
     * (Yonhap's "jwp@yna.co.kr"), a copyright line ("(c) Agencia EFE",
     * "Copyright 2026 The Associated Press. All rights reserved. …",
     * "Copyright © ANTARA 2027", "[Copyright The Jiji Press, Ltd.]",
     * "Copyright Thomson Reuters 2027. Click For Restrictions …"),
     * dpa's ("dpa-infocom GmbH", "©dpa-infocom, dpa:260701-930-512734/2"),
     * ANSA's ("RIPRODUZIONE RISERVATA © Copyright ANSA"), AP's terminal
     * stamp ("AP-WF-03-03-27 2214GMT") and photos ("AP Photos NYRV101-103",
     * "NYRV101: Visitors …"), Reuters' contact ("((name@…; +46 8 …))") and
     * keywords, a feed's end of message ("NNNN", "03-MAR-27 14:12 NNNN") and
     * its time stamp (PTI's "06041130", dpa's "141722 Jul 27", Jiji's
     * "（2027/03/12-10:45）", Servimedia's "12-MAR-27", Adnkronos's serial
     * number "ISSN 2465 - 1222", CNA's editor and code "（編輯：張均懋）1160312",
     * NAN's "Edited by Chinyere Eze" and "(NAN)(www.nannews.ng)", Yonhap's
     * "<저작권자(c) 연합뉴스, 무단 전재-재배포 금지>" and "2027/04/12 10:32 송고",
     * ANSA's
     * "31-MAR-27 11:18"), a take's ("MORE", "More to
     * follow": the story goes on in the next), AP's "Follow AP's …
     * coverage at https://…", the reporter's number or address ("Contact:
     * Priya Nair, 07700 900412"), a press office's with its number
     * ("Ufficio stampa Museo Civico – tel. 055 000 1234") */
    "^(?:\\(?[^\\s@()]+@[^\\s@()]+\\.[a-z]{2,}\\)?|\\(?(?:\\(c\\)|©)\\s*\\S.{0,240}|\\(?copyright\\s+(?:\\(c\\)\\s*|©\\s*)?\\d{4}\\b.{0,240}|copyright\\s*(?:\\(c\\)|©)\\s*\\S.{0,120}|\\[copyright\\s[^\\]]{1,100}\\]|copyright\\s+(?:\\p{Lu}[\\p{L}&.-]*\\s+){1,4}\\d{4}\\b.{0,200}|"
    "(?:all\\s+rights\\s+reserved|riproduzione\\s+riservata)\\b.{0,120}|"
    "(?-i:[A-Z]{2}-[A-Z]{2}-\\d\\d-\\d\\d-\\d\\d\\s+\\d{4}\\s?(?:GMT|UTC|[ECMP][SD]T)<?)|\\(\\(.{3,200}\\)\\)|keywords\\s*:\\s*\\S.*|(?-i:[A-Z]{2,4}\\d{3,5}\\s+\\d{4}-\\d\\d-\\d\\d/\\d\\d:\\d\\d)|-{2,}\\s*(?:von|by|de|par)\\s+.{3,80}?\\s*-{2,}|source\\s+text(?:\\s+for\\s+\\S+)?\\s*:.*|"
    "further\\s+company\\s+coverage\\s*:.*|\\([\\p{L} ]{2,30}\\s+newsroom\\)|"
    "(?-i:(?:AP|AFP|Reuters|REUTERS|dpa)\\s+(?:Photos?|Video|Graphics?)\\s*:?\\s*[\\p{Lu}\\d]{3,}(?:-\\d+)?"
    "(?:\\s*,\\s*[\\p{Lu}\\d]{3,}(?:-\\d+)?)*\\.?|[A-Z]{2,6}\\d{2,4}\\s*:\\s*\\S.*)|"
    "[（(]\\d{4}[/-]\\d{1,2}[/-]\\d{1,2}[-\\s]\\d{1,2}:\\d{2}[）)]|issn\\s+\\d{4}\\s*-\\s*\\d{3}[\\dx]|<[^<>]{0,40}(?:\\(c\\)|©)[^<>]{0,160}>|\\d{4}/\\d\\d/\\d\\d\\s+\\d\\d:\\d\\d\\s+송고|\\((?-i:\\p{Lu}{2,8})\\)\\s*\\((?:https?://)?(?:www\\.)?[\\w.-]+\\.[a-z]{2,}[^()]*\\)|[（(](?:編輯|编辑)[:：][^）)]{1,20}[）)]\\s*\\d{0,8}|edited\\s+by\\s+\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){1,3}|\\d\\d-[a-z]{3}-\\d\\d|dpa-infocom(?:\\s+gmbh)?|(?:\\d\\d-[a-z]{3}-\\d\\d\\s+\\d\\d:\\d\\d\\s+)?nnnn|\\d{6,10}|(?:(?-i:[A-Z\\d]{2,4}-[A-Z]{2})\\s+)?\\d\\d-[a-z]{3}-\\d\\d\\s+\\d\\d:\\d\\d|\\d{6}(?:\\s+gmt)?\\s+\\p{L}{3}\\s+\\d\\d|(?-i:MORE|\\(MORE\\)|-MORE-)|more\\s+(?:to\\s+follow|follows)\\.?|"
    "(?:(?:press|media)\\s+)?contact(?:\\s+(?:details|presse|press|media|prensa))?\\s*:\\s*\\S.*(?:\\d[\\d ]{5,}\\d|@).*|"
    "(?:press\\s+office|media\\s+(?:office|relations|team)|(?:corporate\\s+)?communications\\s+(?:office|team)|"
    "ufficio\\s+stampa|gabinete\\s+de\\s+(?:comunicaci[oó]n|prensa)|oficina\\s+de\\s+prensa|servicio\\s+de\\s+prensa|"
    "pressestelle|service\\s+(?:de\\s+)?presse)\\b.{0,120}?(?:\\d[\\d ]{5,}\\d|@).*|"
    "follow\\s+(?:ap|reuters|afp)['’]s\\s.{0,80}\\bat\\s+https?://\\S+)$",
    /* A reporter's note to the desk, not for the readers: "NOTE TO DESK:
     * …", "Note to subs - …", "NB desk: …", "FAO: News desk", "LEGAL WARNING: …", "LEGAL: …", "URGENT -
     * LEGAL TO READ BEFORE PUBLICATION", a photographer's instructions
     * ("Pix: images in Photos > Floods. Use pic 3 as main") */
    "^(?:(?:note|message)\\s+(?:to|for)\\s+(?:the\\s+)?(?:desk|subs|sub-?editors|newsdesk|night\\s+editor)\\b\\s*[:.–—-]|"
    "nb\\s+(?:desk|subs)\\b|desk\\s+note\\s*[:.–—-]|(?:fao|attn|for\\s+the\\s+attention\\s+of)\\s*:|legal\\s+(?:warning|note|advice|check)\\s*[:.–—-]|legal\\s*:|legal\\s+[–—-]\\s|"
    "(?:pix|pics|pictures?|photos?)\\s*:\\s*\\S.*\\b(?:use|pic|pix|picture|photo|image)s?\\b)|"
    "^(?-i)(?:URGENT\\s*[-–—:]\\s*)?(?:LEGAL\\b|[A-Z ,]*\\bBEFORE PUBLICATION\\b)[A-Z\\d ,.:'’–—-]*$",
    /* What a copyright line says besides its holder: the marks, the
     * years, the rights reserved (in the agencies' languages too:
     * "Todos los derechos reservados"), the brackets ("(Copyright 2027 The
     * Associated Press. All Rights Reserved.)") */
    "©|\\(c\\)|\\bcopyright\\b|\\b(?:19|20)\\d{2}\\b|\\ball\\s+rights\\s+reserved\\b|\\btodos\\s+(?:los\\s+derechos|os\\s+direitos)\\s+reservados\\b|"
    "\\btous\\s+droits\\s+r[ée]serv[ée]s\\b|\\balle\\s+rechte\\s+vorbehalten\\b|\\btutti\\s+i\\s+diritti\\s+riservati\\b|"
    "\\briproduzione\\s+riservata\\b|[().,;]",
    /* A take's number after its slug: "2 LAST", "TAKE 2", "2ND TAKE",
     * "ADD 1", EFE's "(2 y último)" */
    "\\s+(?:\\d{1,2}\\s+last|take\\s+\\d{1,2}|\\d{1,2}(?:st|nd|rd|th)\\s+take|add\\s+\\d{1,2}|\\d{1,2}|"
    "\\((?:\\d{1,2}\\S*|\\S+\\s+take)(?:\\s+\\S+){0,3}\\))$",
    /* A date after a dateline's place: a number and a point or a slash,
     * or the month's name in small letters ("14. července", "14/10",
     * "2027. július 14., szerda", "3 de junio"), or the day and the month
     * in figures between dashes, as KUNA writes them ("الكويت - 21 - 3"),
     * or the month's name first, as Lithuanian does ("balandžio 22 d.") */
    "(?-i)(?<=\\S)(?:[,\\s]+\\d{1,4}(?:[./]|\\s+(?:de\\s+)?\\p{Ll}{3,}).*|\\s+-\\s+\\d{1,2}\\s+-\\s+\\d{1,2}|"
    ",\\s*\\p{Ll}{4,}\\s+\\d{1,2}\\s*d\\.?)$",
    /* The writer's name after a label: "Author: Rūta Kazlauskaitė",
     * "Autor: …", "Haber: …" (Anadolu), "Pewarta: …" (Antara), "Автор: …"
     * (Kazinform) */
    "^(?:author|autor|autorka|autorin|autore|autrice|auteur|autora|pewarta|reporter|haber|muhabir|szerző|"
    "forfatter|författare|kirjoittaja|yazar|penulis|wartawan|автор|аўтар|автор\\s+материала|作者|记者|記者|编辑|كتب|بقلم|"
    "기자)\\s*[:：]\\s*(?<name>\\S.*)$",
    /* A name in capitals, then the writer's post with a capital and small
     * letters: "MARCUS HALE AP Business Writer" */
    "(?-i)^(?<name>\\p{Lu}[\\p{Lu}'’.-]+(?:\\s+\\p{Lu}[\\p{Lu}'’.-]+){1,3}?)\\s+(?<post>(?:The\\s+)?\\p{Lu}\\S*(?:\\s+\\S+){1,4})$",
    /* The words after a paragraph's last sentence that may be a copyright
     * line, run on to it (in "tail"): "… are working\". ALL RIGHTS
     * RESERVED © Copyright ANSA" */
    "[.!?\"”»’'](?:\\s+|(?=©))(?<tail>(?:all\\s+rights\\s+reserved\\b|©|\\(c\\)|copyright\\b)[^.!?]{0,160})$",
    /* An offset from GMT in brackets: "(GMT+4)", "(UTC-03:00)" */
    "\\((?:gmt|utc)\\s*(?<sign>[-+−])\\s*(?<hours>\\d{1,2})(?::?(?<minutes>\\d{2}))?\\)",
    /* A place alone in bold capitals: "**ANKARA**" */
    "(?-i)^\\*\\*(?<place>\\p{Lu}[\\p{Lu}'’ .-]{0,30}\\p{Lu})\\*\\*$",
    /* A transmission label after the headline, in brackets: "(UPDATE 2)",
     * "(CORRECTED)", "(LEAD)" */
    "(?-i)\\s*\\((?<label>(?:UPDATE|WRAPUP)\\s*\\d*|CORRECTED|CORRECTION|REFILE|REPEAT|LEAD|\\d+(?:ST|ND|RD|TH)\\s+LEAD|URGENT)\\)$",
    /* The label over links to the agency's or the site's other stories,
     * and the text after it (in "rest"): "Read more:", "Más en Andina:",
     * "Baca juga:", "Читайте также:" */
    "^(?:read\\s+(?:more|also)|more\\s+(?:on|from|in)\\s+\\S.{0,30}|related(?:\\s+(?:stories|news|articles|coverage))?|"
    "see\\s+also|also\\s+read|m[áa]s\\s+en\\s+\\S.{0,30}|lea\\s+tambi[ée]n|leia\\s+tamb[ée]m|mehr\\s+zum\\s+thema|"
    "lesen\\s+sie\\s+auch|(?:[àa]\\s+)?lire\\s+aussi|leggi\\s+anche|baca\\s+juga|lihat\\s+juga|читайте\\s+также|"
    "читайте\\s+также\\s+на\\s+\\S.{0,30}|по\\s+теме|прочетете\\s+още|czytaj\\s+(?:też|także)|zobacz\\s+(?:też|także)|"
    "čtěte\\s+také|ayrıca\\s+okuyun|ilginizi\\s+çekebilir|[İi]lgili\\s+haber(?:ler)?|관련\\s*기사|lees\\s+ook|läs\\s+också|les\\s+også|læs\\s+også|"
    "lue\\s+myös|citește\\s+și|διαβάστε\\s+επίσης|اقرأ\\s+أيضا|اقرأ\\s+أيضاً|相关阅读|相關閱讀|延伸阅读|延伸閱讀|関連記事)\\s*[:：]?\\s*(?<rest>.*)$",
  };
  static GRegex *regexes[G_N_ELEMENTS (patterns)];

  g_assert (which < G_N_ELEMENTS (patterns));
  if (g_once_init_enter (&regexes[which]))
    {
      GRegexCompileFlags flags = G_REGEX_OPTIMIZE | G_REGEX_DUPNAMES;
      g_autoptr (GError) error = NULL;
      GRegex *regex;

      if (which >= 3)
        flags |= G_REGEX_CASELESS;
      regex = g_regex_new (patterns[which], flags, 0, &error);
      g_assert_no_error (error);
      g_once_init_leave (&regexes[which], regex);
    }
  return regexes[which];
#undef DATE_ALONE
#undef MONTH_NAME
#undef DATE
#undef WEEKDAYS
#undef MONTH
}
