package com.quantdesk.backtest.report;

/** The report's stylesheet, inlined so the file needs nothing from the network. */
final class ReportStyle {

    /** System font stacks only: a web font would be a network fetch. */
    static final String CSS = """
            :root {
              --ink: #1f2933; --muted: #5f6b7a; --line: #e3e8ef; --panel: #ffffff; --page: #f4f6f9;
              --accent: #1f5fbf; --pos: #0b7a3e; --neg: #b42318;
            }
            * { box-sizing: border-box; }
            body { margin: 0; background: var(--page); color: var(--ink);
              font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
            main { max-width: 1140px; margin: 0 auto; padding: 28px 24px 40px; }
            header h1 { margin: 0; font-size: 24px; font-weight: 650; letter-spacing: -0.01em; }
            .subtitle { margin: 2px 0 20px; color: var(--muted); }
            .cards { display: grid; grid-template-columns: repeat(6, 1fr); gap: 12px; }
            .card { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
            .card .label { font-size: 11px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.06em; }
            .card .value { font-size: 20px; font-weight: 600; font-variant-numeric: tabular-nums; white-space: nowrap; }
            section { background: var(--panel); border: 1px solid var(--line); border-radius: 8px;
              padding: 16px 20px; margin-top: 16px; }
            h2 { margin: 0 0 10px; font-size: 15px; font-weight: 600; }
            h2 .count { color: var(--muted); font-weight: 400; margin-left: 4px; }
            .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
            .columns section { margin-top: 16px; }
            .metrics { display: grid; grid-template-columns: repeat(3, 1fr); gap: 24px; align-items: start; }
            table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
            caption { text-align: left; font-size: 11px; color: var(--muted); text-transform: uppercase;
              letter-spacing: 0.06em; padding-bottom: 4px; }
            th, td { padding: 5px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
            .kv th { font-weight: 400; color: var(--muted); }
            .kv td { word-break: break-word; }
            .denials { margin-top: 14px; }
            .trades th { font-size: 12px; color: var(--muted); font-weight: 600; position: sticky; top: 0;
              background: var(--panel); }
            .trades td { white-space: nowrap; }
            .trades tbody tr:hover { background: #f7f9fc; }
            .num { text-align: right; }
            .pos { color: var(--pos); }
            .neg { color: var(--neg); }
            .empty { color: var(--muted); margin: 0; }
            .scroll { max-height: 640px; overflow: auto; }
            svg.chart { display: block; width: 100%; height: auto; }
            svg text { font-size: 12px; fill: var(--muted); font-variant-numeric: tabular-nums; }
            svg .grid line { stroke: var(--line); }
            svg .axis, svg .tick { stroke: #c4ccd6; }
            svg .line { fill: none; stroke-width: 1.5; stroke-linejoin: round; }
            svg.equity .line { stroke: var(--accent); }
            svg.equity .area { fill: var(--accent); opacity: 0.08; }
            svg.equity .dot { fill: var(--accent); }
            svg.drawdown .line { stroke: var(--neg); }
            svg.drawdown .area { fill: var(--neg); opacity: 0.14; }
            svg.drawdown .dot { fill: var(--neg); }
            footer { margin-top: 20px; color: var(--muted); font-size: 12px; }
            @media (max-width: 800px) {
              .cards { grid-template-columns: repeat(2, 1fr); }
              .columns, .metrics { grid-template-columns: 1fr; }
            }
            @media print { body { background: #fff; } .scroll { max-height: none; overflow: visible; } }
            """;

    private ReportStyle() {
    }
}
