using System.Diagnostics;
using PodConformance.Suite.Reports;
using PodConformance.Suite.Tests.Support;

namespace PodConformance.Suite.Tests.Reports;

/// <summary>
/// The HTML report as a person sees it: rendered by headless Chromium through .ci/screenshot-html.sh, and the
/// PNG looked at (size, not blank, the timeline's colours on screen). With <c>PODCONF_WRITE_EXAMPLE=1</c> the page
/// and its screenshot are also written to golden/reports/report-example.{html,png}.
/// </summary>
public class HtmlScreenshotTests
{
    private const int Height = 3900;

    /// <summary>At a desktop width and at a phone's: both must render the failures (the narrow layout drops a column).</summary>
    [ChromiumTheory]
    [InlineData(1280)]
    [InlineData(480)]
    public void Html_report_renders_in_chromium_to_a_non_blank_screenshot(int width)
    {
        string html = HtmlReport.Render(HtmlReportTests.Example(), specBase: "../");
        string dir = Path.Combine(Path.GetTempPath(), "podconf-html-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string page = Path.Combine(dir, "report.html");
            string png = Path.Combine(dir, "report.png");
            File.WriteAllText(page, html);
            Screenshot(page, png, width);

            var image = PngImage.Read(File.ReadAllBytes(png));
            Assert.Equal((width, Height), (image.Width, image.Height));
            bool narrow = width < 900; // the narrow layout: the page is longer, the timeline scrolls sideways in its box
            int nonWhite = 0;
            var colours = new HashSet<(byte, byte, byte)>();
            bool running = false, failed = false;
            for (int y = 0; y < image.Height; y += 2)
            {
                for (int x = 0; x < image.Width; x += 2)
                {
                    var p = image.Pixel(x, y);
                    colours.Add(p);
                    nonWhite += p is (255, 255, 255) ? 0 : 1;
                    running |= p is (0x4e, 0x9f, 0x5b);
                    failed |= p is (0xc9, 0x45, 0x3f);
                }
            }

            Assert.True(nonWhite > image.Width * image.Height / 4 / 20, $"only {nonWhite} non-white pixels sampled: the page looks blank");
            Assert.True(colours.Count > 50, $"only {colours.Count} colours: the page looks blank or unstyled");
            Assert.True(running || narrow, "no 'running' band colour on screen: the lifecycle timeline did not render");
            Assert.True(failed, "no failure colour on screen: the failure sections did not render");

            if (width == 1280 && Environment.GetEnvironmentVariable("PODCONF_WRITE_EXAMPLE") == "1")
            {
                File.WriteAllText(Path.Combine(RepoRoot.Path, "golden", "reports", "report-example.html"), html);
                File.Copy(png, Path.Combine(RepoRoot.Path, "golden", "reports", "report-example.png"), overwrite: true);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void Screenshot(string page, string png, int width)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string arg in new[] { Path.Combine(RepoRoot.Path, ".ci", "screenshot-html.sh"), page, png, Height.ToString(System.Globalization.CultureInfo.InvariantCulture), width.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "screenshot-html.sh did not finish in 3 minutes");
        Assert.True(process.ExitCode == 0, "screenshot-html.sh failed: " + stdout + stderr.GetAwaiter().GetResult());
    }
}
