namespace PodConformance.Suite.Reports;

/// <summary>
/// The HTML report's stylesheet, inlined so the report is one file that opens anywhere (no network, no web fonts:
/// local sans-serif and monospace fonts only). Laid out for a 1280px-wide window; below 900px the facts take two columns
/// and the summary drops its covered-rules and spec columns (each failure section shows both).
/// </summary>
internal static class HtmlStyle
{
    public const string Css = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; padding: 20px 24px 40px; background: #ffffff; color: #1f2933; font: 14px/1.45 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
        main { max-width: 1232px; margin: 0 auto; }
        h1 { font-size: 22px; margin: 0 0 8px; }
        h2 { font-size: 18px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #d5dae1; }
        h3 { font-size: 16px; margin: 0 0 8px; }
        h4 { font-size: 14px; margin: 16px 0 6px; color: #3e4c59; }
        code, pre, .mono { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 12.5px; }
        pre { background: #f5f7fa; border: 1px solid #d5dae1; border-radius: 4px; padding: 8px 10px; margin: 0; overflow-x: auto; white-space: pre-wrap; word-break: break-word; }
        a { color: #1d4ed8; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr max-content 1fr max-content 1fr; gap: 2px 12px; margin: 0 0 10px; }
        dl.facts dt { font-weight: bold; color: #52606d; }
        dl.facts dd { margin: 0; }
        .totals { padding: 8px 12px; border-radius: 4px; font-weight: bold; margin: 8px 0; }
        .totals.ok { background: #e3f4e6; border: 1px solid #4e9f5b; }
        .totals.bad { background: #fbe4e3; border: 1px solid #c9453f; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid #e4e7eb; }
        th { background: #f0f2f5; font-size: 13px; }
        table.summary td.rules { font-size: 12px; max-width: 360px; }
        table.summary td.rules a, table.summary td code, article h3 code { white-space: nowrap; }
        table.summary td.note { font-size: 12.5px; max-width: 380px; word-break: break-word; }
        .badge { display: inline-block; padding: 1px 7px; border-radius: 10px; font-size: 12px; font-weight: bold; white-space: nowrap; }
        .badge.passed { background: #e3f4e6; color: #1e5b28; }
        .badge.failed, .badge.unexpected-pass { background: #c9453f; color: #ffffff; }
        .badge.expected-failure { background: #fdf0c4; color: #5c4300; }
        .badge.skipped { background: #eceff3; color: #4a5563; }
        article.failure { border: 1px solid #d5dae1; border-left: 6px solid #c9453f; border-radius: 4px; padding: 12px 16px; margin: 0 0 20px; }
        article.failure.expected { border-left-color: #d4a72c; }
        ul.rules { margin: 4px 0; padding-left: 20px; }
        ul.rules li { margin: 2px 0; }
        table.observed td { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 12.5px; white-space: pre-wrap; word-break: break-word; width: 47%; }
        table.observed td.mark { width: 6%; font-family: inherit; white-space: nowrap; }
        table.observed tr.diff td { background: #fbe4e3; }
        table.observed tr.diff td.mark { color: #a4161a; font-weight: bold; }
        .timeline-box { overflow-x: auto; border: 1px solid #e4e7eb; border-radius: 4px; padding: 4px 0; }
        svg.timeline { display: block; }
        .muted { color: #52606d; }
        details > summary { cursor: pointer; }
        details > summary h2 { display: inline-block; border-bottom: none; margin: 28px 0 6px; }
        dl.spec dt { font-weight: bold; margin-top: 6px; }
        dl.spec dd { margin: 0 0 0 20px; }
        @media (max-width: 900px) {
          body { padding: 12px 10px 30px; }
          dl.facts { grid-template-columns: max-content 1fr; }
          table.summary td.rules, table.summary th.rules, table.summary td.spec, table.summary th.spec { display: none; }
          table.observed td { width: auto; }
        }
        """;
}
