import type { Clock } from "../../src/lib/clock.js";

/** A clock tests move by hand: a new service day or a closing hour without sleeping. */
export class FakeClock implements Clock {
  private current: number;
  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(value: Date | string): void {
    this.current = new Date(value).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
}
