/** README.txt of a package: what each file is and how each editor opens it. */
export function packageReadme(base: string, sequenceName: string, fcpxmlVersion: string): string {
  return `${sequenceName}: a vgw timeline package

Keep this folder together: the timeline files find their media as media/<name>.mp4 relative to
themselves, so the folder may be moved or unzipped anywhere.

  ${base}.fcpxml  Final Cut Pro X (FCPXML ${fcpxmlVersion}) and DaVinci Resolve
  ${base}.xml     Final Cut Pro 7 XML (xmeml) for Adobe Premiere Pro and DaVinci Resolve
  ${base}.otio    OpenTimelineIO for DaVinci Resolve 18.5+, Premiere Pro 2025.6+ and pipeline tools
  ${base}.edl     CMX 3600 EDL, the fallback any editor reads (no paths: it relinks by clip name)
  media/          the clips' MP4s, and <name>.c2pa beside one whose C2PA manifest is a sidecar
  provenance/     one JSON per video: prompt, seed, model, provider, cost, scores, C2PA status

Final Cut Pro: File > Import > XML..., choose ${base}.fcpxml.
DaVinci Resolve: File > Import > Timeline..., choose ${base}.otio (or the .fcpxml or .xml) and
  keep "Automatically import source clips into media pool" on; if clips show offline, select
  them in the Media Pool, right-click > Relink Selected Clips..., and choose the media folder.
Premiere Pro: File > Import..., choose ${base}.xml (or ${base}.otio on 2025.6+); if the Link
  Media dialog opens, locate one clip in media/ and Premiere finds the rest.
EDL: import ${base}.edl after importing the media/ folder into the project; clips match by the
  "* FROM CLIP NAME" comments and reel names.
`;
}
