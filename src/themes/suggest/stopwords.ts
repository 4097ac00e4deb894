/**
 * Words that carry no topic on a sticky note, in English and French. Besides grammar words the
 * lists hold the "wish" words every card is made of ("more", "need", "better", "plus", "trop"):
 * they say that something should change, not what, so they would pull unrelated cards together.
 * Matched after lower-casing and accent stripping.
 */
const ENGLISH = `a about above after again against all also am an and any are aren as at be because been before
being below between both but by can cannot could did didn do does doesn doing don down during each even ever
every few for from further get gets getting got had has have having he her here hers herself him himself his how
i if in into is isn it its itself just let lets like me might more most much must my myself no nor not now of off
on once only or other our ours ourselves out over own per same she should so some such than that the their theirs
them themselves then there these they this those through to too under until up upon us very via was we were what
when where which while who whom why will with within without would yet you your yours yourself yourselves
need needs needed want wants better best good great lot lots many make making really still way ways etc
always never new use using used something someone everyone nobody anything thing things maybe please
s t re ve ll d m`;

const FRENCH = `a ai aie aient aies ait as au aucun aucune aussi autre autres aux avaient avais avait avant avec avez
avoir avons ayant bien c ca ce ceci cela celle celles celui ces cet cette chaque chez ci comme comment d dans de des
deja depuis donc dont du elle elles en encore est et etaient etais etait ete etre eu eux fait faire faut font il ils
j je jusqu l la le les leur leurs lui m ma mais me meme mes moi moins mon n ne ni nos notre nous on ont ou par pas
peu peut plus pour pourquoi qu quand que quel quelle quelles quels qui sa sans se sera ses si son sont sous soit
sur t ta te tes toi ton tous tout toute toutes tres trop tu un une vers voila vos votre vous y
besoin mieux bon bonne beaucoup chose choses faut falloir devrait doit doivent svp toujours jamais nouveau
nouvelle nouveaux rien tout-le-monde personne entre memes pendant ceux celles eux vraiment ici aussi peuvent
peux veut veulent`;

/** Stop words of both languages: a workshop can mix them, and "a", "on", "les" are safe in both. */
export const STOPWORDS: ReadonlySet<string> = new Set(`${ENGLISH} ${FRENCH}`.split(/\s+/).filter(Boolean));

/** Words that mark a card as French when they appear; chosen to be rare in English notes. */
export const FRENCH_MARKERS: ReadonlySet<string> = new Set(
  `le la les des du de et est une un pour pas plus dans avec sur qui que aux au trop tres nous vous ils elles
  ce cette ces sont etre avoir faire leur leurs notre nos entre sans chez ou apres avant moins tous toutes`.split(
    /\s+/,
  ),
);

/** Words that mark a card as English when they appear. */
export const ENGLISH_MARKERS: ReadonlySet<string> = new Set(
  `the and of to for is are with at by from this that be not too more than our we they it its into
  need should can about all no when who what how do does so`.split(/\s+/),
);
