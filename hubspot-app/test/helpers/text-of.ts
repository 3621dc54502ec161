/** All text under a rendered node (the renderer's `.text` is null once a node has element children). */
import { TableCell } from '@hubspot/ui-extensions';
import type { RenderedNode } from '@hubspot/ui-extensions/testing';
import type { RenderedElementNode } from '@hubspot/ui-extensions/testing';

export function textOf(node: RenderedNode): string {
  if (node.nodeType === 'text') return node.text;
  return node.childNodes.map((child) => textOf(child)).join('');
}

/** A table row as its cells' texts. */
export function cellsOf(row: Pick<RenderedElementNode, "findAll">): string[] {
  return row.findAll(TableCell).map((cell) => textOf(cell));
}
