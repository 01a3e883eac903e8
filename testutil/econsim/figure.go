package econsim

import (
	"image/color"
	"os"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// Figure is an experiment's PNG: one or more panels side by side, each a
// gonum plot with a title, labelled axes (with units) and a legend.
type Figure struct {
	Panels []Panel
}

// Panel is one plot of a figure.
type Panel struct {
	Title, X, Y string
	Series      []Series
	LogX, LogY  bool
}

// Series is one named line (or scatter, with Points) of a panel.
type Series struct {
	Name   string
	XY     plotter.XYs
	Points bool
	Dashed bool
}

// Save renders the figure as a PNG, 14 cm × 10 cm per panel.
func (f *Figure) Save(path string) error {
	const w, h = 14 * vg.Centimeter, 10 * vg.Centimeter
	n := max(len(f.Panels), 1)
	img := vgimg.New(w*vg.Length(n), h)
	dc := draw.New(img)
	tiles := draw.Tiles{Rows: 1, Cols: n, PadX: vg.Millimeter, PadY: vg.Millimeter,
		PadTop: vg.Millimeter, PadBottom: vg.Millimeter, PadLeft: vg.Millimeter, PadRight: vg.Millimeter}
	for i, p := range f.Panels {
		pl, err := p.plot()
		if err != nil {
			return err
		}
		pl.Draw(tiles.At(dc, i, 0))
	}
	return saveCanvas(img, path)
}

func (p Panel) plot() (*plot.Plot, error) {
	pl := plot.New()
	pl.Title.Text = p.Title
	pl.X.Label.Text = p.X
	pl.Y.Label.Text = p.Y
	pl.Legend.Top = true
	pl.Add(plotter.NewGrid())
	if p.LogX {
		pl.X.Scale, pl.X.Tick.Marker = plot.LogScale{}, plot.LogTicks{Prec: -1}
	}
	if p.LogY {
		pl.Y.Scale, pl.Y.Tick.Marker = plot.LogScale{}, plot.LogTicks{Prec: -1}
	}
	for i, s := range p.Series {
		c := plotutil.Color(i)
		if s.Points {
			sc, err := plotter.NewScatter(s.XY)
			if err != nil {
				return nil, err
			}
			sc.GlyphStyle.Color, sc.GlyphStyle.Shape, sc.GlyphStyle.Radius = c, plotutil.Shape(i), vg.Points(2.5)
			pl.Add(sc)
			pl.Legend.Add(s.Name, sc)
			continue
		}
		l, err := plotter.NewLine(s.XY)
		if err != nil {
			return nil, err
		}
		l.LineStyle.Color, l.LineStyle.Width = c, vg.Points(1.5)
		if s.Dashed {
			l.LineStyle.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
			l.LineStyle.Color = color.Gray{Y: 80}
		}
		pl.Add(l)
		pl.Legend.Add(s.Name, l)
	}
	return pl, nil
}

func saveCanvas(img *vgimg.Canvas, path string) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	_, err = vgimg.PngCanvas{Canvas: img}.WriteTo(f)
	return err
}
