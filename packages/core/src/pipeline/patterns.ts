/**
 * Chinese press conventions as patterns: datelines, bylines, credits, jump lines, running heads
 * and column labels. Every regex of the parser lives here, once.
 */

/** A Chinese personal name: 2 to 4 ideographs (a middle dot for transliterated names). */
const NAME = "[\\p{Script=Han}][\\p{Script=Han}·]{1,4}";
const NAMES = `${NAME}(?:[ 、，,]+${NAME})*`;

/** A date in a dateline: `12月1日`, full-width digits too. */
const DATELINE_DATE = "[0-9０-９]{1,2}月[0-9０-９]{1,2}日";
/** A paper's name as its datelines give it: `南方日报`, `羊城晚报`, `中国青年报`, `文汇报`. */
const PAPER_NAME = "[\\p{Script=Han}]{0,6}(?:日报|晚报|早报|商报|时报|青年报|法治报|法制报|导报|周报|文汇报|大公报)";
/** An agency, site or station: `新华社`, `人民网`, `央视网`, `中央台`. */
const AGENCY_NAME = "[\\p{Script=Han}]{1,8}(?:社|网|台)";
/** A paper, agency or site that names its reporters: `本报`, `新华社`, `人民日报`, `人民网`. */
const MEDIA = `(?:本报|${PAPER_NAME}|${AGENCY_NAME})`;
/** A paper, agency or site named on its own (`新华社`, `本报`), as a credit may print it apart from its role word (`新华社 记者 X 摄`). */
export const MEDIUM_NAME = new RegExp(`^${MEDIA}$`, "u");
/**
 * A reporter's role word: `记者` with the paper, agency or site and the kind of reporter before it
 * (`本报记者`, `新华社记者`, `人民日报记者`, `本报首席记者`, `本报全媒体记者`, `融媒体记者`), or `实习生`.
 */
const REPORTER_ROLE = `${MEDIA}?(?:驻[\\p{Script=Han}]{1,6}?(?:记者站)?)?(?:首席|见习|特派|特约|全媒体|融媒体|实习)?记者|实习生`;
/** A correspondent's role word: `通讯员`, `本报通讯员`, `特约通讯员`, `本报特约通讯员`. */
const CORRESPONDENT_ROLE = "(?:本报)?(?:特约)?通讯员";
/** A writer's role word: `撰文`, `撰稿`, `特约撰稿人`. */
const AUTHOR_ROLE = "(?:特约)?撰稿人?|撰文";
export const REPORTER_ROLE_START = new RegExp(`^(?:${REPORTER_ROLE})`, "u");
export const CORRESPONDENT_ROLE_START = new RegExp(`^(?:${CORRESPONDENT_ROLE})`, "u");
export const AUTHOR_ROLE_START = new RegExp(`^(?:${AUTHOR_ROLE})`, "u");
export const EDITOR_ROLES = ["责任编辑", "版面编辑", "视觉设计", "美术编辑", "版式设计", "美编", "责编", "编辑", "责校", "校对", "审读", "版式", "组版"] as const;
const ROLE_WORDS = `${REPORTER_ROLE}|${CORRESPONDENT_ROLE}|${AUTHOR_ROLE}`;

/** A reporter's or correspondent's role word anywhere in a byline (a wrapped line can glue it to the name before it). */
export const ROLE_WORD = new RegExp(`(${ROLE_WORDS})`, "gu");

/**
 * Words that open a sentence with the reporter as its subject (`记者从市卫健委获悉`, `记者近日走进…`,
 * `记者了解到`): after a role word they are no name. None is a frequent surname.
 */
const REPORTER_SENTENCE_OPENER = "(?:从|在|对|近日|昨日|昨天|今日|今天|日前|了解|获悉|注意|看到|来到|走进|采访|发现|调查|前往|深入|实地|跟随|随同)";

/** Role words with their names (`记者 X 通讯员 Y`, `记者：X`); not a sentence opener glued to a role word (`记者从…获悉`). */
const ROLE_NAMES = `\\s*(?:(?:${ROLE_WORDS})(?:[：:]\\s*|\\s+|(?!${REPORTER_SENTENCE_OPENER}))${NAMES}\\s*)+`;
/** `记者 X 通讯员 Y`, `记者：X`, or the same in brackets (both of them: a byline wrapped after its opening bracket goes on). */
export const ROLE_BYLINE = new RegExp(`^(?:[（(]${ROLE_NAMES}[）)]|${ROLE_NAMES})$`, "u");

/**
 * Writer and photographer marked by a slash (`文/王小明`, `图/李华`, `文/图 王小明`, `文·图/王小明`).
 * A one-character mark needs its slash or colon: `文` and `图` open words too (`文明城市`).
 */
export const SLASHED_BYLINE = new RegExp(`^(?:(?:(?:文[/／·]图|图文)\\s*[/／：:]?|(?:文字|文|图|摄影)\\s*[/／：:])\\s*${NAMES}\\s*)+$`, "u");
/** Names each with its role marked after a slash (`王小明/文 李华/图`), after a role word or not (`记者 王小明/文`). */
export const SLASH_MARKED_NAMES = new RegExp(`^(?:(?:${ROLE_WORDS})\\s*)?(?:${NAME}\\s*[/／]\\s*(?:文图|文|图|摄)\\s*)+$`, "u");
/** A character every {@link SLASHED_BYLINE} and {@link SLASH_MARKED_NAMES} holds. */
export const SLASH_MARK = /[/／：:·]/u;
/** A bullet some papers print before a byline (`■本报记者 X`). */
export const BYLINE_BULLET = /^[■●◆▲□○★◎]\s*/u;

/**
 * The start of a photo credit cut at a caption's last line (`…服务。 通讯员 李` / `平军 摄`,
 * `…需求。 毛` / `锦伟 摄`): the caption's text, then a role word and at most the first two
 * characters of a name, or those characters alone.
 */
export const WRAPPED_CREDIT_HEAD = new RegExp(`^(.*[。！？”…）)])[ \\t\\u3000]+((?:${ROLE_WORDS}|本报|本通)[ \\t\\u3000]*\\p{Script=Han}{0,2}|\\p{Script=Han}{1,2})$`, "u");

/** `X 摄`, `记者 X 摄`, `本报通讯员 摄`, `本通 摄`, `摄影 X`. */
export const PHOTO_CREDIT = new RegExp(
  `^[（(]?\\s*(?:(?:${ROLE_WORDS}|本通|本报)\\s*)?(?:${NAMES})?\\s*(?:摄影?(?:报道)?|/摄)\\s*[）)]?$|^[（(]?摄影[：:\\s]*${NAMES}[）)]?$`,
  "u",
);

/** Credits that name no person: `资料图片`, `新华社发`, `本报资料图片`, `受访者供图`, `视觉中国供图`. */
export const SOURCE_CREDIT = /^[（(]?(?:本报)?(?:资料图片?|资料照片|\p{Script=Han}{0,8}供图|\p{Script=Han}{1,4}社发|网络图片)[）)]?$/u;

/**
 * A character every credit holds: 摄 every {@link PHOTO_CREDIT}, 资, 图 or 发 every {@link SOURCE_CREDIT}.
 * A quick test before those patterns, which most lines fail.
 */
export const CREDIT_MARK = /[摄资图发]/u;
/** A character every role word of {@link ROLE_BYLINE} holds: 记 (…记者), 讯 (…通讯员), 实 (实习生) or 撰 (撰文). A quick test before it. */
export const ROLE_MARK = /[记讯实撰]/u;

/** Names in brackets `（丁海云 王慧玲）`: the authors. */
export const BRACKETED_NAMES = new RegExp(`^[（(]\\s*${NAMES}\\s*[）)]$`, "u");

/**
 * A bracketed byline set right after the last sentence, without a space (`…勃勃。（记者 倪佳萱）`):
 * the text through the sentence end, then the bracket.
 */
export const CLOSING_BRACKET = /^(.*[。！？”…])([（(][^（()）]{2,40}[）)])$/u;

/**
 * The commentators of the paper, another paper or an agency (`本报评论员`, `人民日报评论员`,
 * `新华社评论员`): a commentary signed so names nobody, and the byline says its kind.
 */
const COMMENTATORS = ["本报评论员", "特约评论员", `${PAPER_NAME}评论员`, `${AGENCY_NAME}评论员`];
/** Bylines that name the paper, not a person: `本通` (short for 本报通讯员), `本报`, the commentators. */
const PAPER_SIGNATURES = ["本通", "本报", ...COMMENTATORS];
const wholeOneOf = (words: readonly string[]) => new RegExp(`^(?:${words.join("|")})$`, "u");
export const COMMENTATOR_BYLINE = wholeOneOf(COMMENTATORS);
/** A byline token that names the paper, not a person (本报通讯员 is a role word: a name may follow). */
export const SIGNED_BY_THE_PAPER = wholeOneOf(PAPER_SIGNATURES);
/** A whole byline that names nobody: the paper's signatures, or 本报通讯员 alone. */
const ANONYMOUS_BYLINES = [...PAPER_SIGNATURES, "本报通讯员"];
export const ANONYMOUS_BYLINE = wholeOneOf(ANONYMOUS_BYLINES);
/**
 * The last code unit of every {@link ANONYMOUS_BYLINE} (each word ends with a plain character:
 * 通, 报, 员): a text ending otherwise is none, which spares most lines the pattern's runs of ideographs.
 */
export const ANONYMOUS_BYLINE_ENDS: ReadonlySet<number> = new Set(ANONYMOUS_BYLINES.map((word) => word.charCodeAt(word.length - 1)));

/**
 * The datelines (电头) of Chinese papers and agencies: the paper's own (`本报讯`, `本报北京12月1日电`,
 * `本报北京12月1日讯`), another paper's or an agency's (`南方日报讯`, `人民网讯`), a dated one
 * (`经济日报北京12月1日讯`, `人民网北京12月1日电`), the news agencies' (`新华社北京电`), and a
 * story taken from an agency (`据新华社电`). A word
 * before `电` without a date must be the paper's or an agency's: `电` is common in running text
 * (`合作社负责人来电`).
 */
const DATELINE_FORMS = [
  `(?:本报|${PAPER_NAME}|${AGENCY_NAME})讯`,
  "本报[\\p{Script=Han}0-9]{1,14}电",
  `(?:本报|${PAPER_NAME}|${AGENCY_NAME})[\\p{Script=Han}]{0,8}${DATELINE_DATE}(?:电|讯)`,
  "(?:新华社|中新社)[\\p{Script=Han}0-9]{2,16}电",
  // a story taken from an agency: `据新华社电`, `据新华社北京12月1日电`
  `据${AGENCY_NAME}[\\p{Script=Han}0-9]{0,16}电`,
];
/**
 * Dateline (电头) at the start of a first paragraph, with the optional byline in brackets:
 * `本报讯（记者 X 通讯员 Y）`, `本报北京12月1日电`, `新华社北京12月1日电（记者 X）`; some papers
 * print it in lenticular brackets (`【本报讯】`), some give the byline without brackets as a
 * report's (`本报讯 记者 X 通讯员 Y 报道：`). Groups: `head` (the dateline with its brackets),
 * `dateline`, `byline` (the bracket's content, if any), `reported` (the byline before `报道：`).
 */
export const DATELINE = new RegExp(
  `^(?<head>【?(?<dateline>${DATELINE_FORMS.join("|")})】?)\\s*(?:[（(]\\s*(?<byline>[^（()）]{1,60}?)\\s*[）)]|(?<reported>(?:(?:${ROLE_WORDS})\\s*${NAMES}\\s*)+)报道[：:])?\\s*`,
  "u",
);

/**
 * The dashes of a 破折号 as extractors print them: em dashes `——`, horizontal bars `――` (how
 * many GB fonts map it), box-drawing lines `──`.
 */
export const DASH = "[—―─━]";
/** A kicker (引题) ends with a colon or a dash (`市妇联：`, `…斗争——`); the dash leads into the headline. */
export const KICKER_END = new RegExp(`(?:[：:]|${DASH})$`, "u");
export const DASH_END = new RegExp(`${DASH}$`, "u");
/** A subtitle (副题) opens with a dash (`——记巾帼志愿者`, `――记巾帼志愿者`). */
export const SUBTITLE_START = new RegExp(`^${DASH}`, "u");

/** A character every {@link DATELINE} holds (`讯` or `电`): a quick test before it, which most lines fail. */
export const DATELINE_MARK = /[讯电]/u;

/** The start of a dateline cut at the line's end: the paper or agency and part of its place and date, no `电` or `讯` yet. */
export const DATELINE_HEAD = new RegExp(`^【?(?:本报|${PAPER_NAME}|${AGENCY_NAME})[\\p{Script=Han}0-9０-９]{1,12}$`, "u");
/** The rest of that dateline at the next line's start. */
export const DATELINE_TAIL = /^[\p{Script=Han}0-9０-９]{0,8}(?:电|讯)/u;

/** A jump line: `（下转第3版）`, `（紧转第8版）`, `（上接第1版）`, `（紧接第一版）`, a sectioned page too (`（下转A3版）`). */
export const JUMP_LINE = /[（(]\s*(下转|紧转|转|上接|紧接|接|续)\s*第?\s*([A-Za-zＡ-Ｚ]?[0-9０-９一二三四五六七八九十]+)\s*版\s*[）)]$/u;
/** True when the text ends with `）` or `)`, as every {@link JUMP_LINE} does: a test of one code unit before the pattern. */
export function mayEndWithJump(text: string): boolean {
  const c = text.charCodeAt(text.length - 1);
  return c === 0xff09 || c === 0x29;
}

/** Directions of the jump words. */
export const JUMP_CONTINUED_ON = new Set(["下转", "紧转", "转"]);

/** A running head: date and page number, often with the page editors. */
/** A digit of a printed date: Arabic, full-width, or Chinese (`二〇二二年十二月一日`). */
const DATE_DIGIT = "[0-9０-９〇零一二三四五六七八九十]";
export const RUNNING_HEAD_DATE = new RegExp(`(${DATE_DIGIT}{4})\\s*年\\s*(${DATE_DIGIT}{1,3})\\s*月\\s*(${DATE_DIGIT}{1,3})\\s*日`, "u");
/** `第2版`, `第２版`, `第三版`. */
export const RUNNING_HEAD_PAGE = /第\s*([0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})\s*版/u;
export const EDITOR_CREDIT = new RegExp(`(${EDITOR_ROLES.join("|")})[：:\\s]*(${NAME}(?:\\s+${NAME})*?)(?=\\s+(?:${EDITOR_ROLES.join("|")})|\\s*$)`, "gu");

/** Column labels (栏目) of Chinese papers, compared without spaces. */
export const COLUMN_LABELS = new Set([
  "短评", "评论", "观点", "时评", "社论", "快评", "述评", "简讯", "快讯", "图片新闻", "图说", "评论员文章",
  "编者按", "人物", "特稿", "专题", "深读", "速览", "动态", "链接", "延伸阅读", "相关新闻", "新闻观察",
  "一线传真", "记者手记", "声音", "言论", "时事", "今日关注", "视点", "特别报道",
  "记者观察", "今日谈", "新闻速览", "特别关注", "基层直击", "现场直击", "一线直击", "短新闻",
  "新闻链接", "相关链接", "背景链接", "编后", "编后语", "图片报道", "新闻速递", "一线见闻",
]);

/** A label in lenticular brackets (`【今日谈】`): the brackets mark a column's name, whatever it is. */
export const BRACKETED_LABEL = /^【[^【】，。；！？：,.;!?:]{1,8}】$/u;

/** Column labels whose articles are commentary or briefs (for `kind`). */
export const COMMENTARY_LABELS = new Set(["短评", "评论", "观点", "时评", "社论", "快评", "述评", "评论员文章", "言论"]);
export const BRIEF_LABELS = new Set(["简讯", "快讯", "速览", "动态"]);

/** Section names printed as the page name above or in the running head. */
export const PAGE_NAMES = new Set([
  "要闻", "综合新闻", "综合", "国内", "国际", "国内新闻", "国际新闻", "经济", "财经", "社会", "文化", "体育", "评论",
  "地方", "时政", "民生", "副刊", "专版", "专题", "科教", "健康", "法治", "城市", "区县", "视点", "新闻", "本地新闻",
  "理论", "读书", "文体", "教育", "科技", "观点", "深度", "政务", "县区新闻", "市县新闻", "社区",
]);

/** Frequent Chinese surnames, to tell a bare byline (`何永航`) from a short heading. */
export const SURNAMES = new Set(
  Array.from(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由俱宰侍栗",
  ),
);
export const COMPOUND_SURNAMES = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "司徒", "夏侯", "长孙", "宇文", "端木", "西门", "南宫", "独孤"];

/* Shapes of lines and units (stages 2 and 5). */

/** Two ideographs, no punctuation: a row of a headline set in two vertical columns. */
export const PAIR_ROW = /^\p{Script=Han}{2}$/u;
/** True for a {@link PAIR_ROW}: two ideographs are 2 to 4 code units, which rules out most lines before the pattern. */
export const isPairRow = (text: string): boolean => text.length >= 2 && text.length <= 4 && PAIR_ROW.test(text);

/** Two or more phrases of ideographs, each of two or more, with single spaces between them. */
export const SPACED_PHRASES = /^\p{Script=Han}{2,}(?: \p{Script=Han}{2,})+$/u;

/** A line of two runs of text with one space between: (leading spaces)(left)(spaces)(right). */
export const TWO_RUNS = /^(\s*)(\S+)([ \t\u3000]+)(\S+)\s*$/u;

/** Text, spaces, then one ideograph closing the line: (leading spaces)(text)(glyph). */
export const HEADING_AND_GLYPH = /^(\s*)(\S.*?)[ \t\u3000]+(\p{Script=Han})\s*$/u;

/** One glyph, spaces, then the rest of the line: (leading spaces)(glyph)(rest). */
export const GLYPH_AND_HEADING = /^(\s*)(\S)[ \t\u3000]+(\S.*)$/u;

/** Marks that end a clause in the body: where a quoted point may stop. */
export const CLAUSE_MARK = /[，。；！？：、,;!?:]/u;

/** The opening of a numbered point: 二、, （三）, 4. or 4、 */
export const LIST_ITEM = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、．](?!\d))/u;

