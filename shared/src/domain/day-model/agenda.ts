/**
 * The day simulation's agenda: a binary min-heap of events by time, then by the order they were
 * scheduled, so the same plan always plays the same way.
 */
export class Agenda<Event> {
  private readonly heap: { at: number; seq: number; event: Event }[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  add(at: number, event: Event): void {
    const heap = this.heap;
    const item = { at, seq: this.seq++, event };
    let i = heap.push(item) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!earlier(item, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = item;
  }

  next(): { at: number; event: Event } {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= heap.length) break;
        if (child + 1 < heap.length && earlier(heap[child + 1]!, heap[child]!)) child++;
        if (!earlier(heap[child]!, last)) break;
        heap[i] = heap[child]!;
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }
}

const earlier = (a: { at: number; seq: number }, b: { at: number; seq: number }) =>
  a.at < b.at || (a.at === b.at && a.seq < b.seq);
