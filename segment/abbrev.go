package segment

import "strings"

// abbrevKind says what a period after an abbreviation may mean.
type abbrevKind uint8

const (
	// abbrevMayEnd: the period can end a sentence ("Inc.", "etc.", "U.S.");
	// it does when the next word is a usual sentence opener.
	abbrevMayEnd abbrevKind = 1 + iota
	// abbrevNever: the period never ends a sentence ("Mr.", "Gen.", "e.g.").
	abbrevNever
	// abbrevMonth: the period does not end a sentence before a number
	// ("Jan. 5"), and may end one otherwise.
	abbrevMonth
)

// cldrSuppressions is the English sentence-break suppression list of
// Unicode CLDR 41 (common/segments/en.xml; Unicode-DFS-2016 licence), less
// the entries that are also ordinary words or names and would hide real
// sentence ends ("In.", "On.", "To.", "Is.", "As.", "Or.", "Do.", "Go.",
// "All.", "By.", "Up.", "Joe.", "Job.", "Link.", "Hat.", "Long.", "Act.",
// "Cap.", "Lib.", "Min.", "Id.", "Pro.", "Ok.", "OK.", "I.", "Jam.",
// "Card.", "Mart."); single
// capitals are initials and handled apart.
const cldrSuppressions = `L.P. Alt. Approx. E.G. Maj. Misc. P.O. J.D. Dec. Sept. MR. DC.
D.C. M.T. Hz. Mrs. Var. N.V. Aug. S.A. Num. M.I.T. Org. Ex. Cont. Fn. Abs. Lt. Kb. Est.
A.M. L.A. Prof. U.S. Nov. Ph.D. Mar. I.T. exec. Jan. N.Y. Md. Op. vs. D.A. A.D. R.L. P.M. M.R.
PC. Feb. Exec. I.e. Sep. Gb. U.S.C. Mt. A.S. C.O.D. Capt. Col. C.F. Adj. AD. I.D. Mgr. R.T.
B.V. Conn. Yr. Rev. Phys. pp. Ms. Sgt. J.K. Nr. Jun. Fri. S.A.R. Lev. Lt.Cdr. Def. Mr. Dept.
Pvt. Diff. Hon.B.A. Mb. Ed. AB. S.p.A. a.m. Comm. VS. All. PP. P.V. K.R. Etc. Adv. E.g.
U.S.A. S.E. AA. Rep. Sq.`

// neverEnd lists abbreviations whose period never ends a sentence: titles
// before names and abbreviations that always have something after them.
const neverEnd = `Mr. Mrs. Ms. MR. MRS. MS. Dr. DR. Prof. Gen. Sen. Rep. Gov. Lt. Col. Capt. Sgt. Maj. Adm.
Cmdr. Cdr. Lt.Cdr. Cpl. Pvt. Rev. Hon. St. Mt. Ft. Pres. Supt. Det. Insp. Fr. Msgr. Brig. Atty.
Amb. Ald. Messrs. Mme. Mlle. Gens. Sens. Reps. Govs. Sr.Lt. Lt.Col. Lt.Gen. Maj.Gen. Brig.Gen.
Rt. vs. VS. Vs. v. e.g. E.g. E.G. i.e. I.e. I.E. cf. Cf. viz.
No. Nos. pp. Fig. fig. Figs. Vol. vol. Ch. ch. Sec. approx. Approx. ca.
Mssrs. Op. Nr. Sq. Mgr. Adj. Adv. Def. Comm. Dept. Univ. Assoc. Asst. Inst. Dist. Ave. Blvd.
Rd. Hwy. Pl. Ste. Sts. pop. Pop. st. P.S. PS. Drs. Profs. Bldg. Cong. Corp.Sec. Gov.Gen. Ref. ref. tel. Tel. ext. Ext. ed. eds. Mx.`

// months lists abbreviated month names, which stand before day numbers.
const months = `Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec. JAN. FEB. MAR. APR. JUN.
JUL. AUG. SEP. SEPT. OCT. NOV. DEC.`

// mayEnd lists other abbreviations: companies, US states in AP style,
// "etc.", "Jr.", which often end sentences.
const mayEnd = `Inc. Ltd. Co. Corp. Bros. Jr. Sr. etc. al. Assn. Intl. Int'l. Cos. Plc. plc. Pty. LLC.
Ala. Ariz. Ark. Calif. Colo. Conn. Fla. Ga. Kan. Kans. Ky. Md. Mich. Minn. Mont. Neb. Nebr.
Nev. Okla. Tenn. Tex. Vt. Va. Wis. Wisc. Wyo. Yorks. Lancs. mins. hr. hrs. yr. yrs. mos. sq. ft.
oz. lb. lbs. kg. km. cm. mm. qt. doz. dept. est. govt. Govt. misc. Misc. Tue. Tues. Thu. Thur.
Thurs. Fri. Sat. Gov't. gov't. Ont. Que. Alta. Sask. Nfld.`

// sentenceOpeners are words that usually start a sentence: after an
// abbreviation that may end one ("Inc."), they mark that it did.
const sentenceOpeners = `The A An In It He She They We I But And This That There These Those His Her
Its Their Our My You Your If When As On At For So What Who How Why After Before Although However
Meanwhile Mr. Mrs. Ms. Dr. Some Many Most Several Both Each All No Not One Two Three While Since
Under Over During Despite Officials Police Yet Still Also Then Now Today Yesterday Last Earlier
Later Following According Asked With Without Such`

// abbrevTable maps an abbreviation with its final period removed to its kind.
type abbrevTable map[string]abbrevKind

// newAbbrevTable builds the table from the lists above; later lists win.
func newAbbrevTable() abbrevTable {
	t := abbrevTable{}
	add := func(list string, k abbrevKind) {
		for _, w := range strings.Fields(list) {
			t[strings.TrimSuffix(w, ".")] = k
		}
	}
	add(cldrSuppressions, abbrevMayEnd)
	add(mayEnd, abbrevMayEnd)
	add(months, abbrevMonth)
	add(neverEnd, abbrevNever)
	return t
}

// newOpenerSet builds the set of sentence openers.
func newOpenerSet() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(sentenceOpeners) {
		m[w] = true
	}
	return m
}
