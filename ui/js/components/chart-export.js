// A chart drawn as SVG, as the text of an .svg file or as a PNG image at
// twice the size, for presentations and documents.

export function svgText(root) {
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(root);
}

export async function pngBlob(root) {
  const source = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svgText(root));
  const image = new Image();
  await new Promise((resolve, reject) => { image.onload = resolve; image.onerror = reject; image.src = source; });
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = Number(root.getAttribute('width')) * scale;
  canvas.height = Number(root.getAttribute('height')) * scale;
  const ctx = canvas.getContext('2d');
  ctx.scale(scale, scale);
  ctx.drawImage(image, 0, 0);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}
