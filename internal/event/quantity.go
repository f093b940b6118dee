package event

import (
	"strconv"
	"strings"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// numberWords are the number words a quantity may be spelled with.
var numberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}

var scaleWords = map[string]float64{"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "millions": 1e6, "thousands": 1e3}

// approxWords mark an amount as approximate or bounded.
var approxWords = map[string]string{
	"over": "MORE_THAN", "more": "MORE_THAN", "above": "MORE_THAN", "exceeding": "MORE_THAN", "exceeded": "MORE_THAN",
	"almost": "LESS_THAN", "nearly": "LESS_THAN", "under": "LESS_THAN", "fewer": "LESS_THAN", "less": "LESS_THAN",
	"about": "APPROX", "around": "APPROX", "some": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
	"circa": "APPROX", "least": "MORE_THAN", "to": "LESS_THAN",
}

// units maps a unit word to its normal name; a count of things has unit
// "count" and the things as its item.
var units = map[string]string{
	"ton": "tonne", "tons": "tonne", "tonne": "tonne", "tonnes": "tonne", "kilograms": "kg", "kilogram": "kg", "kg": "kg",
	"dollars": "USD", "dollar": "USD", "marks": "Reichsmark", "reichsmarks": "Reichsmark", "reichsmark": "Reichsmark",
	"rubles": "rouble", "roubles": "rouble", "ruble": "rouble", "rouble": "rouble", "pounds": "GBP", "francs": "franc",
	"percent": "percent", "per cent": "percent", "%": "percent",
	"km": "km", "kilometers": "km", "kilometres": "km", "miles": "mile", "mile": "mile",
	"hectare": "hectare", "hectares": "hectare", "acres": "acre", "barrels": "barrel",
	"times": "times", "fold": "times",
}

// notItems are words that can follow a number without being what it counts.
var notItems = map[string]bool{
	"of": true, "and": true, "or": true, "to": true, "in": true, "on": true, "at": true, "by": true, "back": true,
	"per": true, "a": true, "the": true, "was": true, "were": true, "had": true, "have": true, "which": true,
	"that": true, "who": true, "from": true, "for": true, "with": true, "into": true, "than": true, "years": true,
	"year": true, "days": true, "months": true, "weeks": true, "hours": true, "is": true, "are": true, "as": true,
}

// ParseQuantities finds the amounts written in text ("900,000 tons of oil",
// "half a million tons of phosphate", "7.5 million dollars", "750,000
// casualties", "over four times larger"). Spans are byte offsets into text.
func ParseQuantities(text string) []doc.Quantity {
	items := tokenize(text, 0, nil)
	qs := quantities(items, 0, len(items), text)
	return qs
}

// quantities parses the amounts among items[lo:hi]; src is the text the
// item offsets index.
func quantities(items []item, lo, hi int, src string) []doc.Quantity {
	return quantitiesAt(items, lo, hi, src, nil, true)
}

// numberCandidates appends to out the items where parseNumber(items, i,
// hi) may find a number, for any hi: every item it finds one at, and a few
// more. A sentence has a handful among dozens of words, and the coder
// looks for amounts after every trigger.
func numberCandidates(items []item, out []int32) []int32 {
	for i := range items {
		it := &items[i]
		if it.kind != itWord || it.lower == "" {
			continue
		}
		if c := it.lower[0]; (c < '0' || c > '9') && it.info != nil && it.info.flags&(wNumber|wNumberStart) == 0 {
			continue // the common case, told by the word's flags
		}
		ok := false
		switch w := it.lower; {
		case w[0] >= '0' && w[0] <= '9', w == "half", w == "one":
			ok = true
		case w == "a":
			if i+1 < len(items) {
				_, ok = scaleWords[items[i+1].lower]
			}
		case it.info != nil && it.info.flags&wNumber == 0:
		default:
			_, ok = numberWords[w]
		}
		if ok {
			out = append(out, int32(i))
		}
	}
	return out
}

// numberStarts are the words parseNumber reads an amount from besides
// digits and number words.
var numberStarts = [...]string{"a", "half", "one"}

// quantitiesAt is quantities, trying only the items at cands (in order,
// from numberCandidates) unless every.
func quantitiesAt(items []item, lo, hi int, src string, cands []int32, every bool) []doc.Quantity {
	var out []doc.Quantity
	ci := 0
	for i := lo; i < hi; i++ {
		if !every {
			for ci < len(cands) && int(cands[ci]) < i {
				ci++
			}
			if ci == len(cands) || int(cands[ci]) >= hi {
				break
			}
			i = int(cands[ci])
		}
		amt, end, ok := parseNumber(items, i, hi)
		if !ok {
			continue
		}
		start, approx := i, ""
		if i > lo && items[i-1].kind == itWord {
			p := items[i-1].lower
			pp := ""
			if i-2 >= lo {
				pp = items[i-2].lower
			}
			switch {
			case p == "than" && (pp == "more" || pp == "less" || pp == "fewer"):
				start, approx = i-2, approxWords[pp]
			case p == "least" && pp == "at":
				start, approx = i-2, "MORE_THAN"
			case p == "to" && pp == "up":
				start, approx = i-2, "LESS_THAN"
			case p != "to" && p != "least" && p != "more" && p != "less" && p != "fewer" && approxWords[p] != "":
				start, approx = i-1, approxWords[p]
			}
		}
		q := doc.Quantity{Amount: amt, Approx: approx}
		j := end
		if j < hi && items[j].kind == itWord {
			w := items[j].lower
			if w == "per" && j+1 < hi && items[j+1].lower == "cent" {
				q.Unit = "percent"
				j += 2
			} else if u, ok := units[w]; ok {
				q.Unit = u
				j++
			}
		} else if j < hi && items[j].text == "%" {
			q.Unit = "percent"
			j++
		}
		if i > lo && items[i-1].text == "$" {
			q.Unit = "USD"
			start = i - 1
		}
		itemStart := j
		switch {
		case q.Unit == "tonne" || q.Unit == "kg" || q.Unit == "barrel" || q.Unit == "USD" || q.Unit == "Reichsmark" || q.Unit == "rouble" || q.Unit == "GBP" || q.Unit == "franc":
			if j < hi && items[j].lower == "of" {
				itemStart = j + 1
			} else {
				itemStart = -1
			}
		case q.Unit == "times":
			// "four times larger": the comparison word is the item
		case q.Unit == "":
			q.Unit = "count"
			if j < hi && items[j].lower == "of" {
				itemStart = j + 1
			}
		default:
			itemStart = -1
		}
		if itemStart >= 0 {
			var words []string
			k := itemStart
			for k < hi && len(words) < 3 {
				it := &items[k]
				if it.kind == itMention || it.lower == "'s" {
					k++
					continue
				}
				if it.kind != itWord || notItems[it.lower] {
					break
				}
				if _, isNum := parseNumberWord(it.lower); isNum {
					break
				}
				words = append(words, it.lower)
				k++
			}
			if len(words) > 0 {
				q.Item = strings.Join(words, " ")
				j = k
			}
		}
		if q.Unit == "count" && q.Item == "" {
			// A bare number: a page, an article, a year. Not a quantity.
			i = end - 1
			continue
		}
		q.Text = src[items[start].start:items[j-1].end]
		q.Span = &doc.Span{Start: items[start].start, End: items[j-1].end}
		out = append(out, q)
		i = j - 1
	}
	return out
}

func parseNumberWord(w string) (float64, bool) {
	if v, ok := numberWords[w]; ok {
		return v, true
	}
	if v, ok := scaleWords[w]; ok {
		return v, true
	}
	return 0, false
}

// parseNumber reads a number starting at items[i]: digits ("100,000",
// "1.2"), words ("nine hundred thousand", "half a million", "a million"),
// or digits with a scale ("4.3 million"). It returns the amount and the
// index after it.
func parseNumber(items []item, i, hi int) (float64, int, bool) {
	it := &items[i]
	if it.kind != itWord {
		return 0, i, false
	}
	var total, cur float64
	j := i
	switch {
	case it.lower[0] >= '0' && it.lower[0] <= '9':
		v, err := strconv.ParseFloat(strings.ReplaceAll(it.lower, ",", ""), 64)
		if err != nil {
			return 0, i, false
		}
		cur = v
		j++
	case it.lower == "half" && j+2 < hi && (items[j+1].lower == "a" || items[j+1].lower == "one"):
		if s, ok := scaleWords[items[j+2].lower]; ok && s >= 1e3 {
			return s / 2, j + 3, true
		}
		return 0, i, false
	case it.lower == "a" || it.lower == "one":
		if j+1 < hi {
			if s, ok := scaleWords[items[j+1].lower]; ok {
				cur = s
				j += 2
				break
			}
		}
		if it.lower == "a" {
			return 0, i, false
		}
		cur = 1
		j++
	default:
		if it.info != nil && it.info.flags&wNumber == 0 {
			return 0, i, false // not a number word: the vocabulary knows them all
		}
		v, ok := numberWords[it.lower]
		if !ok {
			return 0, i, false
		}
		cur = v
		j++
		// "twenty five", "twenty-five" is one word already
		if j < hi && v >= 20 && v < 100 {
			if u, ok := numberWords[items[j].lower]; ok && u < 10 {
				cur += u
				j++
			}
		}
	}
	for j < hi {
		w := items[j].lower
		if s, ok := scaleWords[w]; ok {
			if s == 100 {
				cur *= 100
			} else {
				total += cur * s
				cur = 0
			}
			j++
			continue
		}
		if w == "and" && j+1 < hi && cur != 0 {
			if v, ok := numberWords[items[j+1].lower]; ok {
				cur += v
				j += 2
				continue
			}
		}
		break
	}
	return total + cur, j, true
}
