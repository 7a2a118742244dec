// Every screen has exactly one <h1>, which also names the browser tab. After a navigation inside the
// app, focus moves to it so screen-reader users hear where they are.
import { type ReactNode, useEffect, useRef } from 'react';

let firstScreen = true;

export function Page({ title, intro, children }: { title: string; intro?: ReactNode; children?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstScreen) firstScreen = false;
    else heading.current?.focus({ preventScroll: false });
  }, []);
  useEffect(() => {
    document.title = `${title} · Hearth`;
  }, [title]);
  return (
    <div className="page">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {intro ? <p className="intro">{intro}</p> : null}
      {children}
    </div>
  );
}
