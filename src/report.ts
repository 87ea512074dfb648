// The run's result in the shapes its readers want: JSON for action outputs, a Markdown
// job summary, and plain text for a terminal.
import { formatSizeReport } from './image/archive.js';
import type { Report } from './run.js';
import type { Settings } from './settings.js';

export function binariesJson(report: Report) {
  return report.binaries.map((b) => ({ platform: b.platform, libc: b.libc, path: b.path, bytes: b.bytes, file: b.fileLine, version: b.serverSoftware, warnings: b.warnings }));
}

export function platformsJson(report: Report) {
  return report.platforms.map((p) => ({ ...report.sizes.find((s) => s.platform === p.platform), platform: p.platform, digest: p.digest }));
}

export function resultJson(settings: Settings, report: Report) {
  return {
    version: settings.version,
    imageVersion: settings.imageVersion,
    image: settings.image,
    digest: report.digest,
    tags: report.references,
    pushed: report.published !== undefined,
    labels: report.labels,
    platforms: platformsJson(report),
    binaries: binariesJson(report),
    archive: report.archive ?? null,
  };
}

export function summaryMarkdown(settings: Settings, report: Report): string {
  const pushed = report.published ? 'pushed' : 'built, not pushed';
  const lines = [
    `### thttpd ${settings.version} image (${pushed})`,
    '',
    '| reference | digest |',
    '| --- | --- |',
    ...report.references.map((ref) => `| \`${ref}\` | \`${report.digest}\` |`),
    '',
    '| platform | manifest | binary bytes | layer bytes (gzip) | pulled bytes |',
    '| --- | --- | ---: | ---: | ---: |',
    ...platformsJson(report).map((p) => `| ${p.platform} | \`${p.digest}\` | ${p.binaryBytes ?? ''} | ${p.layerBytes ?? ''} | ${p.pulledBytes ?? ''} |`),
  ];
  if (report.archive) lines.push('', `Archive: \`${report.archive}\``);
  for (const b of report.binaries.filter((x) => x.warnings.length)) {
    lines.push('', `<details><summary>${b.platform}: ${b.warnings.length} compiler/linker warning(s)</summary>`, '', '```', ...b.warnings, '```', '</details>');
  }
  return `${lines.join('\n')}\n`;
}

export function textReport(settings: Settings, report: Report): string {
  const lines = [
    `thttpd ${settings.version} -> ${report.digest}`,
    // Without --binaries the binaries stay in the work folder, which is gone when the CLI exits.
    ...report.binaries.map((b) => `binary ${b.platform}: ${report.binariesDir ? `${b.path} (${b.bytes} bytes; ${b.fileLine})` : `${b.bytes} bytes; ${b.fileLine}`}`),
    ...(report.sizes.length ? [formatSizeReport(report.sizes)] : report.platforms.map((p) => `manifest ${p.platform}: ${p.digest}`)),
  ];
  if (report.archive) lines.push(`archive: ${report.archive}`);
  lines.push(...(report.published ? report.published.tags.map((t) => `pushed ${t}`) : report.references.map((r) => `named ${r}`)));
  return `${lines.join('\n')}\n`;
}
