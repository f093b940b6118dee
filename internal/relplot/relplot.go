// Package relplot draws the relations index between two actors as a
// chart (SVG or PNG, by gonum/plot): one bar per period, cooperation up and
// conflict down, the net score as a line, and the named events — treaties
// signed, invasions — marked where they fall. The weighting of the index is
// printed under the title, as it must be wherever the index is shown.
package relplot

import (
	"fmt"
	"image/color"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/chronicle-history/chronicle/internal/record"
)

// Formats the chart can be written in, by file extension.
var formats = map[string]bool{".svg": true, ".png": true}

// CheckPath reports whether path names a format Draw can write.
func CheckPath(path string) error {
	ext := strings.ToLower(filepath.Ext(path))
	if !formats[ext] {
		return fmt.Errorf("%s: want a .svg or .png file", path)
	}
	return nil
}

// Render draws the index and returns the chart's bytes in the format named
// by ext (".svg" or ".png").
func Render(ix record.Index, markers []record.Marker, title, ext string) ([]byte, error) {
	ext = strings.ToLower(ext)
	if !formats[ext] {
		return nil, fmt.Errorf("unknown chart format %q (want .svg or .png)", ext)
	}
	p := plot.New()
	p.Title.Text = title + "\n" + ix.Weighting
	p.Title.TextStyle.Font.Size = vg.Points(10)
	p.Y.Label.Text = "weighted PLOVER score"
	p.X.Label.Text = ix.By
	n := len(ix.Points)
	coop := make(plotter.Values, n)
	conf := make(plotter.Values, n)
	net := make(plotter.XYs, n)
	labels := make([]string, n)
	for i, pt := range ix.Points {
		coop[i] = pt.Cooperation
		conf[i] = pt.Conflict
		net[i].X = float64(i)
		net[i].Y = pt.Score
		labels[i] = tickLabel(pt.Period, ix.By, i, n)
	}
	w := vg.Points(max(2, 360/float64(max(n, 1))))
	if n > 0 {
		up, err := plotter.NewBarChart(coop, w)
		if err != nil {
			return nil, err
		}
		up.Color = color.RGBA{R: 0x4c, G: 0xaf, B: 0x50, A: 0xff}
		up.LineStyle.Width = 0
		down, err := plotter.NewBarChart(conf, w)
		if err != nil {
			return nil, err
		}
		down.Color = color.RGBA{R: 0xe5, G: 0x39, B: 0x35, A: 0xff}
		down.LineStyle.Width = 0
		line, err := plotter.NewLine(net)
		if err != nil {
			return nil, err
		}
		line.Width = vg.Points(1.2)
		line.Color = color.Black
		p.Add(plotter.NewGrid(), up, down, line)
		p.Legend.Add("cooperation", up)
		p.Legend.Add("conflict", down)
		p.Legend.Add("net", line)
		p.Legend.Top = false
		p.Legend.Left = true
		p.NominalX(labels...)
	}
	// Markers: a dashed vertical line and a label per named event.
	lo, hi := p.Y.Min, p.Y.Max
	if hi-lo < 1 {
		hi = lo + 1
	}
	var lx plotter.XYs
	var ltext []string
	type labelRow struct{ i int }
	var rows []labelRow
	for k, m := range markers {
		i := indexOf(ix, m.Date)
		if i < 0 {
			continue
		}
		xs := plotter.XYs{{X: float64(i), Y: lo}, {X: float64(i), Y: hi}}
		l, err := plotter.NewLine(xs)
		if err != nil {
			return nil, err
		}
		l.Dashes = []vg.Length{vg.Points(3), vg.Points(3)}
		l.Color = color.Gray{Y: 0x70}
		p.Add(l)
		// labels near each other stack downwards from the top
		row := 0
		for _, prev := range rows[:k] {
			if i-prev.i <= 4 && prev.i-i <= 4 {
				row++ // a label nearby: one row lower
			}
		}
		rows = append(rows, labelRow{i})
		y := hi - (hi-lo)*(0.05+0.07*float64(row))
		lx = append(lx, plotter.XY{X: float64(i) + 0.15, Y: y})
		ltext = append(ltext, m.Label+" ("+m.Date+")")
	}
	if len(lx) > 0 {
		lb, err := plotter.NewLabels(plotter.XYLabels{XYs: lx, Labels: ltext})
		if err != nil {
			return nil, err
		}
		for i := range lb.TextStyle {
			lb.TextStyle[i].Font.Size = vg.Points(7)
		}
		p.Add(lb)
	}
	width := vg.Length(max(9, float64(n)*0.35)) * vg.Inch
	wt, err := p.WriterTo(width, 5*vg.Inch, strings.TrimPrefix(ext, "."))
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	if _, err := wt.WriteTo(&b); err != nil {
		return nil, err
	}
	return []byte(b.String()), nil
}

// tickLabel thins the labels of long monthly or quarterly series.
func tickLabel(period, by string, i, n int) string {
	switch by {
	case record.ByMonth:
		if n > 36 && !strings.HasSuffix(period, "-01") {
			return ""
		}
	case record.ByQuarter:
		if n > 24 && !strings.HasSuffix(period, "-Q1") {
			return ""
		}
	case record.ByYear:
		if n > 16 && i%2 == 1 {
			return ""
		}
	}
	return period
}

// indexOf returns the index of the point whose period holds date, or -1.
func indexOf(ix record.Index, date string) int {
	for i, pt := range ix.Points {
		switch ix.By {
		case record.ByYear:
			if strings.HasPrefix(date, pt.Period) {
				return i
			}
		case record.ByMonth:
			if strings.HasPrefix(date, pt.Period) || len(date) == 4 && strings.HasPrefix(pt.Period, date) {
				return i
			}
		case record.ByQuarter:
			if len(date) >= 7 && date[4] == '-' && strings.HasPrefix(pt.Period, date[:4]) {
				var m int
				fmt.Sscanf(date[5:7], "%d", &m)
				if m >= 1 && fmt.Sprintf("%s-Q%d", date[:4], (m-1)/3+1) == pt.Period {
					return i
				}
			} else if len(date) == 4 && strings.HasPrefix(pt.Period, date) {
				return i
			}
		}
	}
	return -1
}
