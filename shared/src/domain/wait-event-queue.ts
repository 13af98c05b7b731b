/**
 * The wait estimator's agenda: a binary min-heap of (time, code) events in parallel typed arrays,
 * so a replica's thousands of pushes and pops allocate nothing. Grows as needed.
 */
export class EventQueue {
  times = new Float64Array(64);
  codes = new Int32Array(64);
  size = 0;

  clear(): void {
    this.size = 0;
  }

  push(time: number, code: number): void {
    if (this.size === this.times.length) {
      const times = new Float64Array(this.size * 2);
      const codes = new Int32Array(this.size * 2);
      times.set(this.times);
      codes.set(this.codes);
      this.times = times;
      this.codes = codes;
    }
    let i = this.size++;
    const { times, codes } = this;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (times[parent]! <= time) break;
      times[i] = times[parent]!;
      codes[i] = codes[parent]!;
      i = parent;
    }
    times[i] = time;
    codes[i] = code;
  }

  /** Removes the earliest; read `poppedTime` and `poppedCode` after. */
  poppedTime = 0;
  poppedCode = 0;
  pop(): void {
    const { times, codes } = this;
    this.poppedTime = times[0]!;
    this.poppedCode = codes[0]!;
    const n = --this.size;
    const time = times[n]!;
    const code = codes[n]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && times[child + 1]! < times[child]!) child++;
      if (times[child]! >= time) break;
      times[i] = times[child]!;
      codes[i] = codes[child]!;
      i = child;
    }
    times[i] = time;
    codes[i] = code;
  }
}
