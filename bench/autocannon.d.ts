// The part of autocannon's programmatic API the benchmark uses (the package ships no types).
declare module 'autocannon' {
  type Histogram = {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    p50: number;
    p99: number;
  };
  export type Result = {
    requests: Histogram & { total: number; sent: number };
    latency: Histogram;
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
    statusCodeStats: Record<string, { count: number }>;
  };
  export type Request = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    /** Builds the request anew each time it is sent (`context` is the connection's own). */
    setupRequest?: (request: Request, context: Record<string, unknown>) => Request;
  };
  /** One connection (autocannon's client): its own requests replace the shared ones. */
  export type Client = { setRequests(requests: Request[]): void };
  export type Options = {
    url: string;
    method?: string;
    body?: string;
    /** Each connection sends these in turn, round and round. */
    requests?: Request[];
    connections?: number;
    duration?: number;
    /** Stop after this many requests in all (instead of after `duration`). */
    amount?: number;
    pipelining?: number;
    headers?: Record<string, string>;
    /** Called once for each connection as it opens. */
    setupClient?: (client: Client) => void;
  };
  export default function autocannon(options: Options): Promise<Result>;
}
