// A thin wrapper over the vendored uPlot (vendor/uPlot.iife.min.js, a
// global): dark axes, a padded y range that can include a reference line
// (a model's loss floor), and data-points on the container for the test.

const uPlot = globalThis.uPlot;
const axisStyle = {
  stroke: "#8593a6",
  grid: { stroke: "#263040", width: 1 },
  ticks: { stroke: "#263040", width: 1 },
  font: "11px system-ui, sans-serif",
};
export const colors = ["#4fb3ff", "#46c98b", "#f0b34a", "#b48cf2", "#f06a6a"];

// intIncrs are tick steps for integer x values (heights, rounds).
const intIncrs = [1, 2, 5].flatMap((m) => [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7].map((p) => m * p)).sort((a, b) => a - b);

// range pads [min, max] (extended to ref if given) by 8 %; nonNeg keeps a
// non-negative quantity's axis at or above 0, zero starts it at 0.
function range(min, max, ref, nonNeg, zero) {
  if (ref != null) {
    min = min == null ? ref : Math.min(min, ref);
    max = max == null ? ref : Math.max(max, ref);
  }
  if (min == null || !Number.isFinite(min)) return [0, 1];
  if (zero && min >= 0) return [0, max * 1.15 || 1];
  if (min === max) {
    const d = Math.abs(min) * 0.1 || 1;
    min -= d; max += d;
  }
  const d = (max - min) * 0.08;
  let lo = min - d;
  if (nonNeg && min >= 0) lo = Math.max(0, lo);
  return [lo, max + d];
}

// logRange is a log10 axis's range over whole decades around [min, max]
// (extended to ref); positive values only, the caller leaves out the rest.
function logRange(min, max, ref) {
  if (ref != null && ref > 0) {
    min = min == null ? ref : Math.min(min, ref);
    max = max == null ? ref : Math.max(max, ref);
  }
  if (!(min > 0) || !(max > 0)) return [0.1, 1];
  return uPlot.rangeLog(min, max, 10, true);
}

// Plot draws series over a shared x. opts: height, series ([{label,
// color, scale, step, points, dash, line}]), yScales ({key: {side,
// nonNeg, zero, log}}: zero starts the axis at 0, log makes it log10), legend, counted (index of the series whose non-null
// values data-points counts, default 1), realX (x is not an integer).
export class Plot {
  constructor(el, opts) {
    this.el = el;
    this.opts = opts;
    this.ref = null;
    this.xRange = null;
    this.u = null;
    addEventListener("resize", () => this.u && this.u.setSize(this.size()));
  }

  size() {
    return { width: Math.max(200, this.el.clientWidth), height: this.opts.height || 170 };
  }

  // update replaces the data: [xs, ys1, ys2, …]; ref is an optional
  // horizontal reference value on the first y scale, xRange an optional
  // fixed [min, max] of x.
  update(data, { ref = null, xRange = null } = {}) {
    this.ref = ref;
    this.xRange = xRange;
    const counted = data[this.opts.counted || 1] || [];
    this.el.dataset.points = String(counted.filter((v) => v != null).length);
    if (!this.u) this.u = new uPlot(this.config(), data, this.el);
    else this.u.setData(data);
  }

  config() {
    const o = this.opts;
    const yScales = o.yScales || { y: { nonNeg: true } };
    const first = Object.keys(yScales)[0];
    const scales = {
      x: { time: false, range: (u, min, max) => this.xRange || range(min, max, null, false) },
    };
    for (const [key, s] of Object.entries(yScales)) {
      const ref = () => (key === first ? this.ref : null);
      scales[key] = s.log
        ? { distr: 3, log: 10, range: (u, min, max) => logRange(min, max, ref()) }
        : { range: (u, min, max) => range(min, max, ref(), s.nonNeg, s.zero) };
    }
    const axes = [{ ...axisStyle, label: o.xLabel, labelSize: 18, labelFont: axisStyle.font,
      incrs: o.realX ? undefined : intIncrs }];
    for (const [key, s] of Object.entries(yScales)) {
      axes.push({ ...axisStyle, scale: key, side: s.side === "right" ? 1 : 3, size: 58,
        grid: s.side === "right" ? { show: false } : axisStyle.grid,
        // A log axis keeps its decades only: 2…9 of each would crowd it.
        filter: s.log ? (u, splits) => splits.map((v) => (isDecade(v) ? v : null)) : undefined,
        values: (u, vals) => vals.map((v) => fmtTick(v)) });
    }
    const series = [{ label: o.xLabel || "x" }].concat(o.series.map((s, i) => ({
      label: s.label,
      scale: s.scale || first,
      stroke: s.color || colors[i],
      width: 2,
      dash: s.dash,
      spanGaps: false,
      paths: s.line === false ? () => null : s.step ? uPlot.paths.stepped({ align: 1 }) : undefined,
      points: { show: s.points !== false, size: 6, fill: s.color || colors[i] },
    })));
    return {
      ...this.size(),
      scales,
      axes,
      series,
      cursor: { drag: { x: false, y: false } },
      legend: { show: o.legend !== false, live: false },
      hooks: { draw: [(u) => this.drawRef(u, first)] },
    };
  }

  // drawRef draws the reference line (e.g. a loss floor), dashed.
  drawRef(u, scale) {
    if (this.ref == null) return;
    const ctx = u.ctx;
    const y = Math.round(u.valToPos(this.ref, scale, true));
    ctx.save();
    ctx.strokeStyle = "#f06a6a";
    ctx.fillStyle = "#f06a6a";
    ctx.lineWidth = devicePixelRatio;
    ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
    ctx.beginPath();
    ctx.moveTo(u.bbox.left, y);
    ctx.lineTo(u.bbox.left + u.bbox.width, y);
    ctx.stroke();
    ctx.font = `${11 * devicePixelRatio}px system-ui, sans-serif`;
    ctx.textAlign = "right";
    ctx.fillText(`floor ${fmtTick(this.ref)}`, u.bbox.left + u.bbox.width - 4, y - 4 * devicePixelRatio);
    ctx.restore();
  }
}

function isDecade(v) {
  const e = Math.round(Math.log10(v));
  return Math.abs(v - 10 ** e) <= 1e-9 * 10 ** e;
}

function fmtTick(v) {
  if (v == null) return "";
  const a = Math.abs(v);
  if (a >= 1e6) return `${+(v / 1e6).toPrecision(3)}M`;
  if (a >= 1e3) return `${+(v / 1e3).toPrecision(3)}k`;
  return String(+v.toPrecision(3));
}
